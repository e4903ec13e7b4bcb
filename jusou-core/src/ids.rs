//! A sorted index of a list's ids (household members, meeting members, attendees, subjects,
//! consent records): duplicate and membership checks in O(n log n) with one allocation. A tree
//! set allocates per node and a nested scan is quadratic; checks run on every keystroke of a form
//! and on lists of hundreds.

/// Up to this many ids a scan beats sorting (most households and rosters are this small).
const SCAN_UP_TO: usize = 16;

/// The ids of a list with their positions: in list order when short, else sorted by id then
/// position.
pub(crate) struct IdIndex<'a> {
    ids: Vec<(&'a str, usize)>,
    sorted: bool,
}

impl<'a> IdIndex<'a> {
    /// Index the ids in list order.
    pub(crate) fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut ids: Vec<(&str, usize)> = ids.enumerate().map(|(i, s)| (s, i)).collect();
        let sorted = ids.len() > SCAN_UP_TO;
        if sorted {
            ids.sort_unstable();
        }
        IdIndex { ids, sorted }
    }

    /// The position of the first item with this id.
    pub(crate) fn first(&self, id: &str) -> Option<usize> {
        if !self.sorted {
            return self.ids.iter().find(|(s, _)| *s == id).map(|&(_, i)| i);
        }
        let at = self.ids.partition_point(|(s, _)| *s < id);
        self.ids.get(at).filter(|(s, _)| *s == id).map(|&(_, i)| i)
    }

    /// Whether the item at `index` repeats the id of an earlier item.
    pub(crate) fn repeats(&self, index: usize, id: &str) -> bool {
        self.first(id).is_some_and(|f| f < index)
    }
}

#[cfg(test)]
mod tests {
    use super::IdIndex;

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
