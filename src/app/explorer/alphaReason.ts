/**
 * Why the top bar's Global α slider is greyed out (it only acts while "Same α everywhere" is
 * ticked): said on the slider (title, aria-describedby), so a greyed control is never silent.
 */
export function globalAlphaReason(sameAlpha: boolean): string | null {
  return sameAlpha
    ? null
    : '“Same α everywhere” is unticked: each block keeps its own α (its slider in the chain). Tick “Same α everywhere” to set every block here, or drag this slider: that ticks it and sets every block (one undo step).';
}
