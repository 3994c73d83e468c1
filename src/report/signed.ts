/**
 * A number to `digits` decimals with its sign always shown, and no negative zero:
 * signed(1.4241, 2) // => '+1.42'; signed(-1.4241, 2) // => '-1.42'; signed(-0.001, 1) // => '0.0'
 */
export function signed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${text}` : text;
}
