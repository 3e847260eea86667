//! The tests' one random generator: xorshift64 (Marsaglia, 13/7/17),
//! seeded, so that a failure names a seed anyone can rerun and no test
//! depends on a crate's generator staying the same between versions. Not
//! for anything that needs real randomness.

/// A seeded xorshift64 generator.
#[derive(Debug, Clone)]
pub struct TestRng(u64);

impl TestRng {
    /// A generator started at `seed`. Zero, xorshift's one fixed point
    /// (it would give zeros forever), is replaced by another constant.
    pub fn new(seed: u64) -> TestRng {
        const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
        TestRng(if seed == 0 { GOLDEN } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A random byte (the low 8 bits of the next number).
    pub fn byte(&mut self) -> u8 {
        self.next_u64() as u8
    }

    /// A number in `0..n`, and 0 when `n` is 0. (The modulo's slight bias
    /// toward small numbers does not matter to a test.)
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`, chosen at random; panics on an empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        assert!(!items.is_empty(), "TestRng::pick from an empty slice");
        &items[self.below(items.len())]
    }
}
