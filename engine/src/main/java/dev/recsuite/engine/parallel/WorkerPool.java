package dev.recsuite.engine.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed pool of worker threads that runs one data-parallel loop at a time over a fixed partition.
 *
 * <p>A loop over {@code [0, n)} is cut into contiguous parts in a way that depends only on {@code n}, the minimum
 * chunk and the thread count, and every kernel in the engine writes each output element from exactly one part
 * with a fixed summation order. So results are bit-identical from run to run, and (for every kernel that splits
 * by output rows, which is all of them) also independent of the thread count. Long reductions use fixed-size
 * blocks, see {@code Reductions}.
 *
 * <p>The calling thread runs part 0 itself. A loop started from inside a running loop, or while another thread
 * holds the pool, runs inline on the caller: same results, no deadlock.
 */
public final class WorkerPool implements AutoCloseable {
  /** Runs one contiguous part {@code [lo, hi)} of a loop. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int lo, int hi);
  }

  private static volatile WorkerPool shared;

  private final int threads;
  private final Worker[] workers;
  private final ReentrantLock busy = new ReentrantLock();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Thread caller;
  // The current job: read by workers after they see a new generation.
  private RangeBody body;
  private int[] bounds;

  public WorkerPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.workers = new Worker[threads - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(i + 1);
      workers[i].setDaemon(true);
      workers[i].setName("recsuite-engine-" + (i + 1));
      workers[i].start();
    }
  }

  /**
   * The process-wide pool, sized by the system property {@code recsuite.threads} or else by
   * {@code Runtime.availableProcessors()}.
   */
  public static WorkerPool shared() {
    WorkerPool p = shared;
    if (p == null) {
      synchronized (WorkerPool.class) {
        p = shared;
        if (p == null) {
          String prop = System.getProperty("recsuite.threads");
          int n = prop == null ? Runtime.getRuntime().availableProcessors() : parseThreads(prop);
          p = new WorkerPool(n);
          shared = p;
        }
      }
    }
    return p;
  }

  private static int parseThreads(String s) {
    try {
      int n = Integer.parseInt(s.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("system property recsuite.threads = '" + s + "': expected an integer >= 1");
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, n)} in at most {@link #threads()} contiguous parts of at least
   * {@code minChunk} elements each (a small loop runs inline).
   */
  public void forRange(int n, int minChunk, RangeBody body) {
    int parts = Math.max(1, Math.min(threads, n / Math.max(1, minChunk)));
    if (parts == 1) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    int[] b = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      b[p] = (int) ((long) n * p / parts);
    }
    forParts(b, body);
  }

  /**
   * Runs {@code body} over the parts {@code [bounds[p], bounds[p+1])}; {@code bounds.length - 1} must not exceed
   * {@link #threads()}. Used where parts are balanced by work rather than by count (SpMM by nonzeros).
   */
  public void forParts(int[] bounds, RangeBody body) {
    int parts = bounds.length - 1;
    if (parts > threads) {
      throw new IllegalArgumentException(parts + " parts for a pool of " + threads + " threads");
    }
    if (parts == 1 || Thread.currentThread() instanceof Worker || busy.isHeldByCurrentThread() || !busy.tryLock()) {
      for (int p = 0; p < parts; p++) {
        if (bounds[p] < bounds[p + 1]) {
          body.run(bounds[p], bounds[p + 1]);
        }
      }
      return;
    }
    try {
      if (closed) {
        throw new IllegalStateException("worker pool is closed");
      }
      this.body = body;
      this.bounds = bounds;
      this.failure = null;
      this.caller = Thread.currentThread();
      pending.set(parts - 1);
      for (int p = 1; p < parts; p++) {
        workers[p - 1].submit();
      }
      Throwable own = null;
      try {
        if (bounds[0] < bounds[1]) {
          body.run(bounds[0], bounds[1]);
        }
      } catch (Throwable t) {
        own = t;
      }
      int spins = 0;
      while (pending.get() > 0) {
        if (++spins < 2_000) {
          Thread.onSpinWait();
        } else {
          LockSupport.parkNanos(this, 50_000);
        }
      }
      this.body = null;
      this.bounds = null;
      Throwable t = own != null ? own : failure;
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error er) {
        throw er;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    } finally {
      busy.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Worker w : workers) {
      LockSupport.unpark(w);
    }
  }

  private final class Worker extends Thread {
    private final int part;
    private volatile int requested;
    private int done;

    Worker(int part) {
      this.part = part;
    }

    void submit() {
      requested++;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      while (!closed) {
        int spins = 0;
        while (requested == done && !closed) {
          if (++spins < 2_000) {
            Thread.onSpinWait();
          } else {
            LockSupport.park(this);
          }
        }
        if (closed) {
          return;
        }
        done = requested;
        try {
          int lo = bounds[part];
          int hi = bounds[part + 1];
          if (lo < hi) {
            body.run(lo, hi);
          }
        } catch (Throwable t) {
          failure = t;
        } finally {
          if (pending.decrementAndGet() == 0) {
            LockSupport.unpark(caller);
          }
        }
      }
    }
  }
}
