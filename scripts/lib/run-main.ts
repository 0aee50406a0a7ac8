/**
 * Runs a command's `main` when its file is executed directly: the exit code it
 * returns becomes the process's, and an unexpected error is printed with the
 * command's name instead of an unhandled rejection.
 */
export function runMain(command: string, main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${command}: erreur inattendue : ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
