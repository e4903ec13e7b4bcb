//! A sorted index of a list's ids (household members, meeting members, attendees, subjects,
//! consent records): duplicate and membership checks in O(n log n) with one allocation. A tree
//! set allocates per node and a nested scan is quadratic; checks run on every keystroke of a form
//! and on lists of hundreds.

/// Up to this many ids a scan beats sorting (most households and rosters are this small); they
/// are kept inline, without an allocation.
const SCAN_UP_TO: usize = 16;

/// The ids of a list with their positions: in list order when short, else sorted by id then
/// position.
// The short variant is large on purpose: it lives on the stack for one check, instead of the heap.
#[allow(clippy::large_enum_variant)]
pub(crate) enum IdIndex<'a> {
    /// At most [`SCAN_UP_TO`] ids, in list order.
    Short([&'a str; SCAN_UP_TO], usize),
    /// More, sorted by id then position.
    Sorted(Vec<(&'a str, usize)>),
}

impl<'a> IdIndex<'a> {
    /// Index the ids in list order.
    pub(crate) fn new(ids: impl ExactSizeIterator<Item = &'a str>) -> Self {
        if ids.len() <= SCAN_UP_TO {
            let mut short = [""; SCAN_UP_TO];
            let mut n = 0;
            for (slot, id) in short.iter_mut().zip(ids) {
                *slot = id;
                n += 1;
            }
            return IdIndex::Short(short, n);
        }
        let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, s)| (s, i)).collect();
        sorted.sort_unstable();
        IdIndex::Sorted(sorted)
    }

    /// The position of the first item with this id.
    pub(crate) fn first(&self, id: &str) -> Option<usize> {
        match self {
            IdIndex::Short(ids, n) => ids.iter().take(*n).position(|s| *s == id),
            IdIndex::Sorted(sorted) => {
                let at = sorted.partition_point(|(s, _)| *s < id);
                sorted.get(at).filter(|(s, _)| *s == id).map(|&(_, i)| i)
            }
        }
    }

    /// Whether the item at `index` repeats the id of an earlier item.
    pub(crate) fn repeats(&self, index: usize, id: &str) -> bool {
        self.first(id).is_some_and(|f| f < index)
    }
}

/// Whether an id or a name is empty or only whitespace (`s.trim().is_empty()`), answered from
/// the first character when it is not whitespace — as every real id is. The checks ask this of
/// every id of every case, and a full trim was ~2 % of a batch's instructions (issue #21).
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    match s.chars().next() {
        None => true,
        Some(c) if !c.is_whitespace() => false,
        Some(_) => s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_blank, IdIndex};

    #[test]
    fn blank_is_trim_empty() {
        let spaces: Vec<char> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let mut texts = vec![String::new(), "a".into(), "受付".into(), "\u{0}".into()];
        for &w in &spaces {
            texts.extend([
                w.to_string(),
                format!("{w}{w}"),
                format!("{w}x"),
                format!("x{w}"),
            ]);
            texts.extend([format!("{w}受付{w}"), format!("{w}\u{200b}")]);
        }
        for t in &texts {
            assert_eq!(is_blank(t), t.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn first_and_repeats_follow_list_order() {
        let ids = ["b", "a", "b", "c", "a"];
        let ix = IdIndex::new(ids.into_iter());
        assert_eq!(ix.first("b"), Some(0));
        assert_eq!(ix.first("a"), Some(1));
        assert_eq!(ix.first("z"), None);
        let repeats: Vec<bool> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| ix.repeats(i, s))
            .collect();
        assert_eq!(repeats, [false, false, true, false, true]);
    }

    #[test]
    fn long_lists_answer_as_short_ones() {
        // Past the scan threshold the index sorts; the answers must not change.
        let ids: Vec<String> = (0..100).map(|i| format!("m{}", (i * 7) % 40)).collect();
        let ix = IdIndex::new(ids.iter().map(String::as_str));
        for (i, id) in ids.iter().enumerate() {
            let first = ids.iter().position(|x| x == id);
            assert_eq!(ix.first(id), first);
            assert_eq!(ix.repeats(i, id), first.is_some_and(|f| f < i));
        }
        assert_eq!(ix.first("zz"), None);
    }
}
