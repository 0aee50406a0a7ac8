/** « francetvinfo.fr » for a source link: the host readers recognise, without « www. ». */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
