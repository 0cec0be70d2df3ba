//! One table of the workspace behind a shared pointer. Cloning a workspace costs one pointer
//! per table, and a table nobody wrote to keeps its pointer: autosave compares pointers with
//! the copy it last stored to write only the tables that changed, and each view wakes only
//! when a table it reads changes. Writing through `DerefMut` copies the table first when
//! another holder shares it (copy on write), so a stored snapshot never changes under us.

use std::any::Any;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }

    /// Whether both hold the very same table (no write since one was cloned from the other).
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Send + Sync + 'static> Shared<T> {
    /// This very table, whatever its type: for views that only need to know whether a table
    /// was written to. Holding it keeps the table alive, so its address cannot be reused.
    pub fn identity(&self) -> TableIdentity {
        TableIdentity(self.0.clone())
    }
}

/// A table of any type, held to tell whether a later workspace still has the very same one.
#[derive(Clone)]
pub struct TableIdentity(Arc<dyn Any + Send + Sync>);

impl TableIdentity {
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<A> FromIterator<A> for Shared<Vec<A>> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Shared::new(iter.into_iter().collect())
    }
}

impl<'a, A> IntoIterator for &'a Shared<Vec<A>> {
    type Item = &'a A;
    type IntoIter = std::slice::Iter<'a, A>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, A: Clone> IntoIterator for &'a mut Shared<Vec<A>> {
    type Item = &'a mut A;
    type IntoIter = std::slice::IterMut<'a, A>;
    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_copies_a_shared_table_and_leaves_the_other_holder_alone() {
        let stored: Shared<Vec<u32>> = Shared::new(vec![1, 2]);
        let mut live = stored.clone();
        assert!(Shared::same(&live, &stored));
        live.push(3);
        assert!(!Shared::same(&live, &stored));
        assert_eq!(*stored, vec![1, 2]);
        assert_eq!(*live, vec![1, 2, 3]);
    }

    #[test]
    fn reading_keeps_the_pointer_and_equal_contents_compare_equal() {
        let stored: Shared<Vec<u32>> = vec![4, 5].into();
        let live = stored.clone();
        assert_eq!(live.iter().sum::<u32>(), 9);
        assert!(Shared::same(&live, &stored));
        assert_eq!(Shared::new(vec![4, 5]), stored);
    }

    #[test]
    fn an_identity_tells_whether_the_table_was_written_to_since() {
        let mut live: Shared<Vec<u32>> = vec![1].into();
        let seen = live.identity();
        assert!(TableIdentity::same(&seen, &live.clone().identity()));
        // Holding the identity shares the table, so a write copies it: a new identity.
        live.push(2);
        assert!(!TableIdentity::same(&seen, &live.identity()));
        let other: Shared<String> = String::from("x").into();
        assert!(!TableIdentity::same(&seen, &other.identity()));
    }

    #[test]
    fn serialises_as_the_table_itself() {
        let table: Shared<Vec<u32>> = vec![7].into();
        let text = serde_json::to_string(&table).unwrap();
        assert_eq!(text, "[7]");
        let back: Shared<Vec<u32>> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, table);
    }
}
