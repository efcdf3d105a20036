/**
 * Where the server process is in its life, as readiness reports it: `starting` until main.ts has migrated
 * the database, started the jobs and listens; `running`; `stopping` from the first shutdown signal on, so
 * that a load balancer stops sending requests before the listener closes. It only moves forward.
 */
export type Phase = 'starting' | 'running' | 'stopping';

export type Lifecycle = {
  readonly phase: Phase;
  running(): void;
  stopping(): void;
};

export function createLifecycle(phase: Phase = 'starting'): Lifecycle {
  let current = phase;
  return {
    get phase() {
      return current;
    },
    running() {
      if (current === 'starting') current = 'running';
    },
    stopping() {
      current = 'stopping';
    },
  };
}
