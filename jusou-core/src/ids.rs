//! A sorted index of a list's ids (household members, meeting members, attendees, subjects,
//! consent records): duplicate and membership checks in O(n log n) with one allocation. A tree
//! set allocates per node and a nested scan is quadratic; checks run on every keystroke of a form
//! and on lists of hundreds.

/// The ids of a list with their positions, sorted by id then position.
pub(crate) struct IdIndex<'a> {
    sorted: Vec<(&'a str, usize)>,
}

impl<'a> IdIndex<'a> {
    /// Index the ids in list order.
    pub(crate) fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, s)| (s, i)).collect();
        sorted.sort_unstable();
        IdIndex { sorted }
    }

    /// The position of the first item with this id.
    pub(crate) fn first(&self, id: &str) -> Option<usize> {
        let at = self.sorted.partition_point(|(s, _)| *s < id);
        self.sorted
            .get(at)
            .filter(|(s, _)| *s == id)
            .map(|&(_, i)| i)
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
}
