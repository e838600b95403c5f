//! `Shared<T>`: an `Rc` compared by identity, so props holding large, unchanging data (an
//! example's settings, a grid's cells) compare in O(1) and Yew skips re-rendering them.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` whose equality is pointer identity.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T: Clone> Shared<T> {
    /// The value, to change: cloned first when it is shared, so other holders keep the old
    /// value and the changed one gets a new identity.
    pub fn make_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_when_the_same_allocation() {
        let a = Shared::new(vec![1, 2, 3]);
        let b = a.clone();
        let c = Shared::new(vec![1, 2, 3]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(*c, vec![1, 2, 3]);
    }
}
