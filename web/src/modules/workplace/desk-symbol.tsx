import { type DeskLook, LOOK_STYLES } from './desk-looks.js';

/** Where the hatch of "too close" desks is defined, once per page (see DeskPatterns). */
export const HATCH_PATTERN_ID = 'wp-hatch-too-close';

// Half the side of a desk's symbol, in metres: desks stand 1.4 m apart, so symbols never touch.
const HALF = 0.45;

/** The hatch "too close" desks are filled with; put once in an SVG's <defs>. */
export function DeskPatterns() {
  return (
    <pattern
      id={HATCH_PATTERN_ID}
      width="0.25"
      height="0.25"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="0.25" height="0.25" fill="#fff" />
      <line x1="0" y1="0" x2="0" y2="0.25" stroke={LOOK_STYLES.too_close.color} strokeWidth="0.14" />
    </pattern>
  );
}

/** One desk's symbol centred on (x, y): shape, fill and colour all tell its state. */
export function DeskSymbol(props: { look: DeskLook; x: number; y: number }) {
  const { x, y } = props;
  const style = LOOK_STYLES[props.look];
  const fill =
    style.fill === 'solid' ? style.color : style.fill === 'hatched' ? `url(#${HATCH_PATTERN_ID})` : '#fff';
  const common = { fill, stroke: style.color, strokeWidth: 0.12 };
  switch (style.shape) {
    case 'square':
      return <rect x={x - HALF} y={y - HALF} width={HALF * 2} height={HALF * 2} {...common} />;
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - HALF * 1.25} ${x + HALF * 1.25},${y} ${x},${y + HALF * 1.25} ${x - HALF * 1.25},${y}`}
          {...common}
        />
      );
    case 'circle':
      return <circle cx={x} cy={y} r={HALF} {...common} />;
    case 'triangle':
      return (
        <polygon points={`${x},${y - HALF} ${x + HALF},${y + HALF} ${x - HALF},${y + HALF}`} {...common} />
      );
    case 'cross':
      return (
        <path
          d={`M${x - HALF},${y - HALF} L${x + HALF},${y + HALF} M${x + HALF},${y - HALF} L${x - HALF},${y + HALF}`}
          stroke={style.color}
          strokeWidth={0.28}
          strokeLinecap="round"
        />
      );
  }
}
