import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskOnMap, FloorPlan } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { deskLook } from './desk-looks.js';
import { directionOfKey, nearestDeskInDirection } from './desk-navigation.js';
import { DeskPatterns, DeskSymbol } from './desk-symbol.js';
import { planViewBox, polygonPoints, zoneLabelPoint } from './plan-frame.js';
import { nameIn } from './workplace-format.js';

const K = 'web.workplace';

/**
 * A floor drawn to scale: zones from their polygons with their occupancy, desks as symbols.
 * One widget for the keyboard (a roving tabindex): Tab enters on one desk, the arrow keys move to
 * the nearest desk in that direction, Enter or Space chooses it, Escape leaves for `onLeave`.
 * Desks hidden by the feature filter are drawn faded and skipped.
 */
export function FloorPlanDrawing(props: {
  plan: FloorPlan;
  /** Desks matching the feature filter: the only ones reachable and chosen. */
  shownDesks: readonly DeskOnMap[];
  activeDeskId: string | null;
  onActiveChange: (deskId: string) => void;
  onChoose: (desk: DeskOnMap) => void;
  onLeave: () => void;
  deskLabel: (desk: DeskOnMap) => string;
  labelledBy: string;
  describedBy: string;
  /** Raised to put the focus on the active desk from outside (a suggested desk). */
  focusRequest: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const deskElements = useRef(new Map<string, SVGGElement>());
  const shownIds = new Set(props.shownDesks.map((desk) => desk.id));
  const active = props.shownDesks.find((desk) => desk.id === props.activeDeskId) ?? props.shownDesks[0];
  const hasFocusInside = useRef(false);

  // Arrow keys move the focus itself (not only a highlight), so a screen reader reads the new desk.
  const activeId = active?.id;
  useEffect(() => {
    if (activeId && hasFocusInside.current) deskElements.current.get(activeId)?.focus();
  }, [activeId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a focus is asked for, on purpose.
  useEffect(() => {
    if (props.focusRequest > 0 && activeId) deskElements.current.get(activeId)?.focus();
  }, [props.focusRequest]);

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!active) return;
    const direction = directionOfKey(event.key);
    if (direction) {
      event.preventDefault();
      const next = nearestDeskInDirection(props.shownDesks, active, direction);
      if (next) props.onActiveChange(next.id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onChoose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onLeave();
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: the desks are drawn in an SVG, which a <fieldset> cannot hold.
    <svg
      className="wp-plan"
      viewBox={planViewBox(props.plan)}
      role="group"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onKeyDown={onKeyDown}
      onFocus={() => {
        hasFocusInside.current = true;
      }}
      onBlur={() => {
        hasFocusInside.current = false;
      }}
    >
      <defs>
        <DeskPatterns />
      </defs>
      {props.plan.zones.map((zone) => {
        const label = zoneLabelPoint(zone.polygon);
        return (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> without tabindex takes no focus; the zones are listed in words below the plan.
          <g key={zone.id} aria-hidden="true">
            <polygon
              points={polygonPoints(zone.polygon)}
              className={zone.booked >= zone.capacity ? 'wp-zone wp-zone-full' : 'wp-zone'}
            />
            <text x={label.x} y={label.y} className="wp-zone-label">
              {t(`${K}.zone_on_plan`, {
                zone: nameIn(zone.name, language),
                booked: zone.booked,
                capacity: zone.capacity,
              })}
            </text>
          </g>
        );
      })}
      {props.plan.desks.map((desk) => {
        const look = deskLook(desk);
        if (!shownIds.has(desk.id))
          return (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> without tabindex takes no focus; a desk the filter hides is only a faded shape.
            <g key={desk.id} aria-hidden="true" className="wp-desk-filtered">
              <DeskSymbol look={look} x={desk.x} y={desk.y} />
            </g>
          );
        const isActive = desk.id === active?.id;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG desk cannot be a <button>; the role says what it does.
          <g
            key={desk.id}
            ref={(element) => {
              if (element) deskElements.current.set(desk.id, element);
              else deskElements.current.delete(desk.id);
            }}
            role="button"
            tabIndex={isActive ? 0 : -1}
            aria-label={props.deskLabel(desk)}
            data-desk={desk.id}
            data-look={look}
            className="wp-desk"
            onClick={() => {
              props.onActiveChange(desk.id);
              props.onChoose(desk);
            }}
            onFocus={() => {
              if (!isActive) props.onActiveChange(desk.id);
            }}
          >
            {/* A larger, invisible target: a 1 m desk is a few pixels wide on a phone. */}
            <rect x={desk.x - 0.7} y={desk.y - 0.7} width={1.4} height={1.4} fill="transparent" />
            <DeskSymbol look={look} x={desk.x} y={desk.y} />
            <circle cx={desk.x} cy={desk.y} r={0.72} className="wp-focus-ring" />
          </g>
        );
      })}
    </svg>
  );
}
