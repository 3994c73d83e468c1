#!/usr/bin/env node
import '../dist/fos/launch.js';
