/** Any machine (kernel/machine.ts), seen as plain state names. */
interface AnyMachine {
  initial: readonly string[];
  terminal: readonly string[];
  transitions: Record<string, readonly string[]>;
}

/**
 * What is wrong with a machine's table, in words (empty when nothing): a state not reachable from the states
 * rows are inserted in, a terminal state with a move out, a state with no move out that is not declared
 * terminal (a dead end nobody meant).
 */
export function machineProblems(machine: AnyMachine): string[] {
  const moves = machine.transitions;
  const states = Object.keys(moves);
  const reached = new Set<string>(machine.initial);
  const queue = [...machine.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of moves[state] ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  const terminal = new Set<string>(machine.terminal);
  return [
    ...states.filter((s) => !reached.has(s)).map((s) => `${s} is not reachable`),
    ...states.filter((s) => terminal.has(s) && moves[s]!.length > 0).map((s) => `terminal ${s} has moves out`),
    ...states.filter((s) => !terminal.has(s) && moves[s]!.length === 0).map((s) => `${s} is a dead end`),
  ];
}
