//! What became of an action given to a prompt.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The prompt stays open (the action edited it, or did nothing).
    Stay,
    /// The prompt stays open and says why it would not go on (shown in
    /// the status bar as an error).
    Refuse(String),
    /// The prompt is done with and nothing is to happen.
    Close,
    /// The prompt is done: this is what it asks for.
    Submit(T),
}

impl<T> Outcome<T> {
    /// A submitted value turned into another outcome; the others kept.
    pub fn and_then<U>(self, next: impl FnOnce(T) -> Outcome<U>) -> Outcome<U> {
        match self {
            Outcome::Submit(value) => next(value),
            Outcome::Refuse(why) => Outcome::Refuse(why),
            Outcome::Close => Outcome::Close,
            Outcome::Stay => Outcome::Stay,
        }
    }
}
