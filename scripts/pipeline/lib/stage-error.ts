/** The error every stage throws: its message starts with the stage and ends with the URL or file it concerns. */
export class StageError extends Error {
  /** Stage that failed (« fetch », « extract »…). */
  stage: string;
  /** URL or file the error is about. */
  target: string;
  constructor(stage: string, target: string, detail: string) {
    super(`${stage}: ${detail} (${target})`);
    this.name = `${stage.charAt(0).toUpperCase()}${stage.slice(1)}Error`;
    this.stage = stage;
    this.target = target;
  }
}
