//! The memo of a search over the readings of an interleaved table
//! ([`super::raw_interleaved`]): each state's least costs to the end (one
//! per order the search weighs from), looked up once per state visited.
//!
//! A standard map looks a state up twice when it is new (a miss, then the
//! insert once its cost is known) and hashes it each time; the search
//! visits millions of states per corpus pass. Here a miss claims the
//! state's slot at once (its cost pending) and the cost is written into
//! that slot when known. The states a search visits form no cycle (each
//! step reads one more token), so no state is looked up while its cost is
//! pending. The keys are a state packed in three words; the slots are
//! probed linearly, at most half of them full.

/// A state packed in three words (see `State::key`); the second word's top
/// bit is free, and marks a slot in use.
pub(crate) type Key = [u64; 3];

/// A state's least costs to the end, one per order a search weighs from.
pub(crate) type Costs = [u32; 2];

/// The top bit of a key's second word: set in every slot in use.
const USED: u64 = 1 << 63;

/// A slot's first cost while the state's search is under way.
const PENDING: u32 = u32::MAX;

/// A slot's first cost when no reading goes on from its state.
const NONE: u32 = u32::MAX - 1;

/// The fewest slots a memo has.
const FEWEST_SLOTS: usize = 64;

/// A state and its costs (see [`PENDING`] and [`NONE`]).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: Key,
    cost: Costs,
}

/// What a look-up found.
pub(crate) enum Found {
    /// The state's least costs (`None`: no reading goes on from it).
    Known(Option<Costs>),
    /// The state is new: its slot is claimed, for [`Memo::set`].
    New(usize),
}

/// States and their least costs, filled as the search goes.
pub(crate) struct Memo {
    slots: Vec<Slot>,
    /// Slots in use (pending ones included).
    used: usize,
    /// States whose cost is known.
    known: usize,
}

impl Memo {
    /// A memo with room for about `states` states before it grows.
    pub fn with_capacity(states: usize) -> Memo {
        let slots = (2 * states).next_power_of_two().max(FEWEST_SLOTS);
        Memo { slots: vec![Slot::default(); slots], used: 0, known: 0 }
    }

    /// How many states have a known cost.
    pub fn len(&self) -> usize {
        self.known
    }

    /// The cost of the state `key`, or, when it is new, its slot, claimed
    /// (its cost pending until [`Memo::set`]).
    #[inline]
    pub fn find(&mut self, key: Key) -> Found {
        if 2 * (self.used + 1) > self.slots.len() {
            self.grow();
        }
        let key = used(key);
        let at = self.place(key);
        let Some(slot) = self.slots.get_mut(at) else { return Found::Known(None) };
        if slot.key[1] & USED != 0 {
            return Found::Known(match slot.cost[0] {
                // (A pending state is never looked up: the search has no cycle.)
                NONE | PENDING => None,
                _ => Some(slot.cost),
            });
        }
        *slot = Slot { key, cost: [PENDING; 2] };
        self.used += 1;
        Found::New(at)
    }

    /// Write the costs of the state `key`, whose slot [`Memo::find`] gave as
    /// `at` (found again when the memo grew since).
    #[inline]
    pub fn set(&mut self, key: Key, at: usize, cost: Option<Costs>) {
        let key = used(key);
        let at = if self.slots.get(at).is_some_and(|s| s.key == key) { at } else { self.place(key) };
        if let Some(slot) = self.slots.get_mut(at)
            && slot.key == key
        {
            if slot.cost[0] == PENDING {
                self.known += 1;
            }
            slot.cost = cost.map_or([NONE; 2], |c| c.map(|c| c.min(NONE - 1)));
        }
    }

    /// The slot of `key` (marked used): where it is, or the free slot
    /// where it goes. The memo is never full, so the probe ends.
    fn place(&self, key: Key) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash(key) & mask;
        while let Some(slot) = self.slots.get(at)
            && slot.key[1] & USED != 0
            && slot.key != key
        {
            at = (at + 1) & mask;
        }
        at
    }

    /// Twice the slots, every state placed again.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let larger = vec![Slot::default(); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, larger);
        for slot in old.into_iter().filter(|s| s.key[1] & USED != 0) {
            let at = self.place(slot.key);
            if let Some(free) = self.slots.get_mut(at) {
                *free = slot;
            }
        }
    }
}

/// The key marked as a slot in use.
fn used(key: Key) -> Key {
    [key[0], key[1] | USED, key[2]]
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
        assert!(keys.iter().all(|&key| matches!(memo.find(key), Found::New(_))));
        assert_eq!(memo.len(), 0);
        for (k, &key) in keys.iter().enumerate() {
            let cost = (k % 3 != 0).then_some([k as u32, 2 * k as u32]);
            memo.set(key, 0, cost); // (slot 0: a stale slot, found again)
        }
        assert_eq!(memo.len(), 500);
        for (k, &key) in keys.iter().enumerate() {
            let Found::Known(cost) = memo.find(key) else { panic!("state {k} is known") };
            assert_eq!(cost, (k % 3 != 0).then_some([k as u32, 2 * k as u32]));
        }
    }

    #[test]
    fn a_state_claimed_keeps_its_slot_while_no_growth_moves_it() {
        let mut memo = Memo::with_capacity(100);
        let Found::New(at) = memo.find([1, 2, 3]) else { panic!("new") };
        assert!(matches!(memo.find([4, 5, 6]), Found::New(_)));
        memo.set([1, 2, 3], at, Some([9, 4]));
        assert!(matches!(memo.find([1, 2, 3]), Found::Known(Some([9, 4]))));
        // A pending state reads as no reading (never asked by the search).
        assert!(matches!(memo.find([4, 5, 6]), Found::Known(None)));
        assert_eq!(memo.len(), 1);
    }
}
