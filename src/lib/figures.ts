/** Writes figure claims the French way: « plus de 33 millions », « entre 20 et 40 millions ». */
const compact = new Intl.NumberFormat('fr-FR', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('fr-FR');

/** « 33 millions », « 84 », « 230 000 ». */
export function formatCount(n: number): string {
  return n >= 1_000_000 ? compact.format(n) : plain.format(n);
}

export interface FigureValue {
  value?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

export function formatFigure(f: FigureValue): string {
  if (f.value !== undefined) return formatCount(f.value);
  if (f.min !== undefined && f.max !== undefined) return `entre ${formatCount(f.min)} et ${formatCount(f.max)}`;
  if (f.min !== undefined) return `plus de ${formatCount(f.min)}`;
  if (f.max !== undefined) return `jusqu'à ${formatCount(f.max)}`;
  return 'inconnu';
}

/** The figure with its unit: « 1,2 million de personnes », « 84 organismes ». */
export function formatFigureWithUnit(f: FigureValue, unit: string): string {
  const figure = formatFigure(f);
  // Percentages are counted in figures, not in people: « 59 % », with a non-breaking space.
  if (unit === 'pourcent') return `${figure}\u00a0%`;
  if (!/(millions?|milliards?)$/.test(figure)) return `${figure} ${unit}`;
  return /^[aeéiouy]/i.test(unit) ? `${figure} d'${unit}` : `${figure} de ${unit}`;
}
