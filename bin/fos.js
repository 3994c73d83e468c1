#!/usr/bin/env node
import '../dist/fos/fos.js';
