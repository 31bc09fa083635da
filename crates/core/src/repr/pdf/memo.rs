//! The memo of a search over the readings of an interleaved table
//! ([`super::raw_interleaved`]): each state's least costs to the end (one
//! per order the search weighs from), looked up once per state visited.
//!
//! A standard map looks a state up twice when it is new (a miss, then the
//! insert once its cost is known) and hashes it each time; the search
//! visits millions of states per corpus pass. Here a miss claims the
//! state's entry at once (its cost pending) and the cost is written into
//! that entry when known. The states a search visits form no cycle (each
//! step reads one more token), so no state is looked up while its cost is
//! pending. The keys are a state packed in three words, kept with their
//! costs in the order they were claimed; the hash table holds only their
//! numbers (four bytes a slot, probed linearly, at most half of them
//! full), so a memo's room costs little to clear and the entries need no
//! clearing at all (issue 8: clearing slots of whole states cost as much
//! as a sixth of the search).

/// A state packed in three words (see `State::key`).
pub(crate) type Key = [u64; 3];

/// A state's least costs to the end, one per order a search weighs from.
pub(crate) type Costs = [u32; 2];

/// An entry's first cost while the state's search is under way.
const PENDING: u32 = u32::MAX;

/// An entry's first cost when no reading goes on from its state.
const NONE: u32 = u32::MAX - 1;

/// The fewest slots a memo has.
const FEWEST_SLOTS: usize = 64;

/// A state and its costs (see [`PENDING`] and [`NONE`]).
#[derive(Clone, Copy)]
struct Entry {
    key: Key,
    cost: Costs,
}

/// What a look-up found.
pub(crate) enum Found {
    /// The state's least costs (`None`: no reading goes on from it).
    Known(Option<Costs>),
    /// The state is new: its entry is claimed, for [`Memo::set`].
    New(usize),
}

/// States and their least costs, filled as the search goes.
pub(crate) struct Memo {
    /// Every state claimed, in that order (an entry never moves).
    entries: Vec<Entry>,
    /// The hash table: in each slot none (0) or an entry's index plus one.
    slots: Vec<u32>,
    /// States whose cost is known.
    known: usize,
}

impl Memo {
    /// A memo with room for about `states` states before it grows.
    pub fn with_capacity(states: usize) -> Memo {
        let slots = (2 * states).next_power_of_two().max(FEWEST_SLOTS);
        Memo { entries: Vec::with_capacity(states), slots: vec![0; slots], known: 0 }
    }

    /// How many states have a known cost.
    pub fn len(&self) -> usize {
        self.known
    }

    /// The costs of the state `key`, or, when it is new, its entry, claimed
    /// (its costs pending until [`Memo::set`]).
    #[inline]
    pub fn find(&mut self, key: Key) -> Found {
        if 2 * (self.entries.len() + 1) > self.slots.len() {
            self.grow();
        }
        let at = self.place(key);
        let Some(slot) = self.slots.get_mut(at) else { return Found::Known(None) };
        if let Some(entry) = slot.checked_sub(1).and_then(|k| self.entries.get(k as usize)) {
            return Found::Known(match entry.cost[0] {
                // (A pending state is never looked up: the search has no cycle.)
                NONE | PENDING => None,
                _ => Some(entry.cost),
            });
        }
        // (The search gives up once its memo holds `MOST_STATES` states, 20,000
        // in `raw_interleaved`, each later look-up claiming at most one more
        // on its way out: far below `u32::MAX`, so the guard never fails.)
        let Ok(number) = u32::try_from(self.entries.len() + 1) else { return Found::Known(None) };
        *slot = number;
        self.entries.push(Entry { key, cost: [PENDING; 2] });
        Found::New(self.entries.len() - 1)
    }

    /// Write the costs of the state whose entry [`Memo::find`] gave as `at`.
    #[inline]
    pub fn set(&mut self, at: usize, cost: Option<Costs>) {
        if let Some(entry) = self.entries.get_mut(at) {
            if entry.cost[0] == PENDING {
                self.known += 1;
            }
            entry.cost = cost.map_or([NONE; 2], |c| c.map(|c| c.min(NONE - 1)));
        }
    }

    /// The slot of `key`: where its entry's number is, or the free slot
    /// where it goes. The memo is never full, so the probe ends.
    fn place(&self, key: Key) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash(key) & mask;
        while let Some(&number) = self.slots.get(at)
            && let Some(entry) = number.checked_sub(1).and_then(|k| self.entries.get(k as usize))
            && entry.key != key
        {
            at = (at + 1) & mask;
        }
        at
    }

    /// Twice the slots, every entry's number placed again.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        let mask = self.slots.len() - 1;
        for (number, entry) in (1..).zip(&self.entries) {
            let mut at = hash(entry.key) & mask;
            while self.slots.get(at).is_some_and(|&n| n != 0) {
                at = (at + 1) & mask;
            }
            if let Some(free) = self.slots.get_mut(at) {
                *free = number;
            }
        }
    }
}

/// A slot index from the key's words folded by a rotate, an xor and a
/// multiply each (the Fx hash of rustc), its high bits brought down (the
/// multiply mixes upwards).
fn hash(key: Key) -> usize {
    let h = key.iter().fold(0u64, |h, &w| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95));
    (h ^ h >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_state_is_claimed_then_known_and_growth_keeps_every_state() {
        let mut memo = Memo::with_capacity(1);
        let keys: Vec<Key> = (0..500u64).map(|k| [k, k % 7, k * 31]).collect();
        // Every state is claimed before any cost is set (as a deep search
        // does), so the memo grows between the claims and the costs.
        let claimed: Vec<usize> = keys
            .iter()
            .map(|&key| match memo.find(key) {
                Found::New(at) => at,
                Found::Known(_) => panic!("{key:?} is new"),
            })
            .collect();
        assert_eq!(memo.len(), 0);
        for (k, &at) in claimed.iter().enumerate() {
            memo.set(at, (k % 3 != 0).then_some([k as u32, 2 * k as u32]));
        }
        assert_eq!(memo.len(), 500);
        for (k, &key) in keys.iter().enumerate() {
            let Found::Known(cost) = memo.find(key) else { panic!("state {k} is known") };
            assert_eq!(cost, (k % 3 != 0).then_some([k as u32, 2 * k as u32]));
        }
    }

    #[test]
    fn a_state_claimed_keeps_its_entry() {
        let mut memo = Memo::with_capacity(100);
        let Found::New(at) = memo.find([1, 2, 3]) else { panic!("new") };
        assert!(matches!(memo.find([4, 5, 6]), Found::New(_)));
        memo.set(at, Some([9, 4]));
        assert!(matches!(memo.find([1, 2, 3]), Found::Known(Some([9, 4]))));
        // A pending state reads as no reading (never asked by the search).
        assert!(matches!(memo.find([4, 5, 6]), Found::Known(None)));
        assert_eq!(memo.len(), 1);
    }
}
