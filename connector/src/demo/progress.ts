/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, a line every 10% in
 * CI logs). A dozen lines, so no dependency.
 */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  return {
    update(done: number, extra = '') {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      if (tty) {
        const width = 30;
        const filled = Math.round(ratio * width);
        stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${extra}`.padEnd(90));
      } else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10);
        stream.write(`${label} ${done}/${total} ${extra}\n`);
      }
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
