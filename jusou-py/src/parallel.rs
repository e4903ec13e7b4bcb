//! Batches over every core: a batch is cut into chunks that rayon routes on a pool of worker
//! threads (with the GIL released by the caller), and the chunks' answers are put back in input
//! order. Each case is still routed alone and its panic caught alone, so the answers are those
//! of one-by-one routing and one bad case never fails the batch.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

/// Every allocation of the native module (not of Python's objects) goes through mimalloc: the
/// core allocates many short-lived strings and vectors per case (reasons, why-not texts), which
/// glibc's allocator served at about a third of the Arrow path's time, and mimalloc's
/// thread-local free lists serve without contention when rayon routes chunks on every core.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Cases per chunk: large enough that handing a chunk to a thread costs nothing next to routing
/// it, small enough that every core gets work on a modest batch.
pub const CHUNK: usize = 2048;

/// The most threads a caller may ask for (more only costs memory).
pub const MAX_THREADS: usize = 1024;

/// How many threads a batch uses: the caller's `threads`, else the environment variable
/// `JUSOU_THREADS`, else every core rayon sees. An unreadable or zero `JUSOU_THREADS` means
/// "every core".
pub fn threads(requested: Option<usize>) -> Result<usize, String> {
    if let Some(n) = requested {
        if !(1..=MAX_THREADS).contains(&n) {
            return Err(format!("threads is between 1 and {MAX_THREADS}"));
        }
        return Ok(n);
    }
    let from_env = std::env::var("JUSOU_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| (1..=MAX_THREADS).contains(n));
    Ok(from_env.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    }))
}

/// One pool per thread count, built on first use and kept (building a pool starts threads).
fn pool(n: usize) -> Option<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(Default::default).lock().ok()?;
    if let Some(p) = pools.get(&n) {
        return Some(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("jusou-{i}"))
            // The main thread's usual stack: a case is decoded as deep as the core's limits
            // allow on these threads too.
            .stack_size(8 << 20)
            .build()
            .ok()?,
    );
    pools.insert(n, p.clone());
    Some(p)
}

/// `f` over the chunks `[0, CHUNK)`, `[CHUNK, 2·CHUNK)` … of `0..len`, on `threads` threads;
/// the answers in chunk order. With one thread (or one chunk) it runs on the calling thread.
pub fn chunks<R, F>(len: usize, threads: usize, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(std::ops::Range<usize>) -> R + Sync + Send,
{
    let ranges: Vec<_> = (0..len)
        .step_by(CHUNK)
        .map(|start| start..(start + CHUNK).min(len))
        .collect();
    if threads > 1 && ranges.len() > 1 {
        if let Some(p) = pool(threads) {
            return p.install(|| ranges.into_par_iter().map(&f).collect());
        }
    }
    ranges.into_iter().map(f).collect()
}

/// `f` over every item on `threads` threads, stopping at an error (which error, when several
/// items fail, is whichever a thread meets first).
pub fn try_each<T, E, F>(items: &[T], threads: usize, f: F) -> Result<(), E>
where
    T: Sync,
    E: Send,
    F: Fn(&T) -> Result<(), E> + Sync + Send,
{
    if threads > 1 && items.len() > 1 {
        if let Some(p) = pool(threads) {
            return p.install(|| items.par_iter().try_for_each(&f));
        }
    }
    items.iter().try_for_each(f)
}

/// `f` over every item, on `threads` threads, the answers in input order.
pub fn map<T, R, F>(items: Vec<T>, threads: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync + Send,
{
    if threads > 1 && items.len() > CHUNK {
        if let Some(p) = pool(threads) {
            let mut parts = Vec::with_capacity(items.len() / CHUNK + 1);
            let mut rest = items.into_iter();
            loop {
                let part: Vec<T> = rest.by_ref().take(CHUNK).collect();
                if part.is_empty() {
                    break;
                }
                parts.push(part);
            }
            let done: Vec<Vec<R>> = p.install(|| {
                parts
                    .into_par_iter()
                    .map(|part| part.into_iter().map(&f).collect())
                    .collect()
            });
            return done.into_iter().flatten().collect();
        }
    }
    items.into_iter().map(f).collect()
}
