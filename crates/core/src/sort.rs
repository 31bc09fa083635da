//! Stable sorting that costs the web page's wasm one copy of the sort.
//!
//! Every `sort_by_key` on another element type or key is another copy of the
//! standard library's stable sort, about 4 kB of wasm each (issue 8: the page
//! had 11). In wasm, [`by`] and [`by_key`] sort the items' positions with one
//! shared, non-generic copy and then move the items into place; natively
//! they are the standard library's sort, unchanged. Either way the sort is
//! stable: equal items keep their order.

use std::cmp::Ordering;

/// Sort `items` stably by `compare`.
pub fn by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    shared(items, compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(compare);
}

/// Sort `items` stably by the key `key` gives each.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// The wasm sort: the positions by one shared sort, then the items moved.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn shared<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    // order[i]: the position of the item that goes to position i.
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    // Follow each cycle of the permutation once; a placed position is marked
    // by pointing at itself.
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let next = order[current];
            order[current] = current;
            if next == start || next == current {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// The one copy of the standard library's stable sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_sort_is_stable_and_sorts_like_the_standard_one() {
        // Pseudo-random keys with many ties, and tags to see stability.
        let mut seed = 7_u64;
        for len in [0, 1, 2, 3, 10, 33, 1000] {
            let items: Vec<(u64, usize)> = (0..len)
                .map(|tag| {
                    seed =
                        seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    ((seed >> 33) % 7, tag)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut got = items.clone();
            shared(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "{len}");
            let mut reversed = items;
            reversed.reverse();
            let mut expected = reversed.clone();
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            shared(&mut reversed, |a, b| b.0.cmp(&a.0));
            assert_eq!(reversed, expected, "{len} reversed");
        }
    }

    #[test]
    fn every_permutation_of_four_is_put_in_order() {
        let mut count = 0;
        for a in 0..4 {
            for b in 0..4 {
                for c in 0..4 {
                    for d in 0..4 {
                        let mut items = vec![a, b, c, d];
                        let mut expected = items.clone();
                        expected.sort();
                        shared(&mut items, Ord::cmp);
                        assert_eq!(items, expected);
                        count += 1;
                    }
                }
            }
        }
        assert_eq!(count, 256);
    }

    #[test]
    fn by_key_sorts_stably() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        by_key(&mut items, |p| p.0);
        assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
