//! Memory of the browser a test drives, read from the operating system (`/proc`, Linux): the
//! page's wasm memory is not in `performance.memory`, which counts the JavaScript heap only.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// Resident memory of a browser, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resident {
    /// Every process of the browser added up (shared pages count once per process, so this
    /// is an upper bound).
    pub total: u64,
    /// The largest process: the tab's renderer, which holds the page and its wasm memory.
    pub largest: u64,
}

impl Resident {
    fn max(self, other: Resident) -> Resident {
        Resident {
            total: self.total.max(other.total),
            largest: self.largest.max(other.largest),
        }
    }
}

/// The resident memory of every process descended from `root` (chromedriver: the browser and
/// its helpers are its children and grandchildren), `root` itself left out.
pub fn resident_below(root: u32) -> Resident {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for (pid, parent) in processes() {
        children.entry(parent).or_default().push(pid);
    }
    let mut seen = Resident::default();
    let mut pending = children.get(&root).cloned().unwrap_or_default();
    while let Some(pid) = pending.pop() {
        let rss = resident_bytes(pid);
        seen.total += rss;
        seen.largest = seen.largest.max(rss);
        pending.extend(children.get(&pid).into_iter().flatten());
    }
    seen
}

/// Every process as (pid, parent pid).
fn processes() -> Vec<(u32, u32)> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // "pid (name) state ppid …": the name may hold spaces and parentheses.
            let after_name = &stat[stat.rfind(')')? + 1..];
            let parent = after_name.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, parent))
        })
        .collect()
}

/// `VmRSS` of `pid` in bytes (0 for a process that has just ended).
fn resident_bytes(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0)
}

/// Samples `resident_below(root)` every `every` on a thread of its own until stopped, and
/// keeps the peak: a load's high point is between two questions a test could ask.
pub struct PeakSampler {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Resident>>,
}

impl PeakSampler {
    pub fn start(root: u32, every: Duration) -> PeakSampler {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut peak = resident_below(root);
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(every);
                peak = peak.max(resident_below(root));
            }
            peak
        });
        PeakSampler {
            stop,
            thread: Some(thread),
        }
    }

    /// Stops sampling and gives the peak seen.
    pub fn peak(mut self) -> Resident {
        self.stop.store(true, Ordering::Relaxed);
        self.thread
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default()
    }
}

impl Drop for PeakSampler {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_below_its_parent() {
        let me = std::process::id();
        let parent = processes()
            .into_iter()
            .find(|(pid, _)| *pid == me)
            .map(|(_, parent)| parent)
            .expect("this process is listed");
        let below = resident_below(parent);
        assert!(below.largest >= resident_bytes(me), "{below:?}");
        assert!(below.total >= below.largest);
        assert!(resident_bytes(me) > 0);
    }
}
