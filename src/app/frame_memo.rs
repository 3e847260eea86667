//! What drawing keeps from one frame to the next, so that a frame which
//! shows mostly what the last one showed (a cursor move) costs little.
//! Drawing takes `&App`, so it keeps it here behind a cell, as it keeps
//! the screen map; what it keeps is drawing's own business (`ui/memo.rs`),
//! held here without this side knowing its type, so that imports run one
//! way (app, then ui).

use std::any::Any;
use std::cell::RefCell;

/// One slot of drawing's state; empty until the first frame.
#[derive(Default)]
pub struct FrameMemo {
    slot: RefCell<Option<Box<dyn Any + Send>>>,
}

impl std::fmt::Debug for FrameMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FrameMemo")
    }
}

impl FrameMemo {
    /// Runs `f` on the kept `T` (a new one the first time). Should a call
    /// come while another is running, or find another type kept, it gets
    /// a fresh `T` for itself: slower, never wrong.
    pub fn with<T: Default + Send + 'static, R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let Ok(mut slot) = self.slot.try_borrow_mut() else {
            return f(&mut T::default());
        };
        let kept = slot.get_or_insert_with(|| Box::new(T::default()));
        if !kept.is::<T>() {
            *kept = Box::new(T::default());
        }
        match kept.downcast_mut::<T>() {
            Some(kept) => f(kept),
            None => f(&mut T::default()),
        }
    }

    /// Forgets what was kept (a test's fresh start; memory given back).
    pub fn clear(&self) {
        if let Ok(mut slot) = self.slot.try_borrow_mut() {
            *slot = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_value_between_calls_and_survives_nesting() {
        let memo = FrameMemo::default();
        memo.with(|n: &mut u32| *n += 1);
        memo.with(|n: &mut u32| *n += 1);
        assert_eq!(memo.with(|n: &mut u32| *n), 2);
        // A nested call works on a fresh value and leaves the kept one.
        let inner = memo.with(|_: &mut u32| memo.with(|n: &mut u32| *n));
        assert_eq!(inner, 0);
        memo.clear();
        assert_eq!(memo.with(|n: &mut u32| *n), 0);
    }
}
