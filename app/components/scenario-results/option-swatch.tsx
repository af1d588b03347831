import { markerPath, type MarkerShape } from "~/reports/index.ts";

/** The option's colour and marker, as on every chart: identity is never colour alone. */
export function OptionSwatch({ colour, marker }: { colour: string; marker: MarkerShape }) {
  return (
    <svg className="option-swatch" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
      <path d={markerPath(marker, 64)} fill={colour} />
    </svg>
  );
}
