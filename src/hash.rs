//! Stable hashes: FNV-1a (64 bit) for what lands in the output or in the user's files (asset
//! fingerprints, translation marks), and `Key` (XXH3) for sito's own caches. Neither is
//! cryptographic; both are stable across runs, machines and versions, which `std`'s hasher
//! does not promise.

pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_parts(&[bytes])
}

/// The hash of the parts one after the other, as `fnv64` of their concatenation (FNV reads
/// byte by byte), without copying them into one buffer (an image can be 20 MB).
pub fn fnv64_parts(parts: &[&[u8]]) -> u64 {
    let mut h = Fnv64::default();
    for p in parts {
        h.add(p);
    }
    h.0
}

/// FNV-1a fed piece by piece.
#[derive(Clone, Copy, Debug)]
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn add(&mut self, bytes: &[u8]) -> &mut Self {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
}

/// The hasher of the caches' keys (the build record, the no-change census, the image
/// cache): XXH3 from `xxhash-rust`, which reads long text some ten times faster than FNV's
/// byte at a time — every rebuild hashes every page's text (issue 17's profile). Only sito's
/// caches hold its values: changing it means bumping their formats, not changing a site.
#[derive(Clone, Default)]
pub struct Key(xxhash_rust::xxh3::Xxh3);

/// A hasher that starts from an earlier key.
impl From<u64> for Key {
    fn from(key: u64) -> Key {
        let mut h = Key::default();
        h.number(key);
        h
    }
}

impl Key {
    pub fn add(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(bytes);
        self
    }

    /// Adds `text` and its length, so that two pieces cannot run into each other.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.number(text.len() as u64).add(text.as_bytes())
    }

    pub fn number(&mut self, n: u64) -> &mut Self {
        self.add(&n.to_le_bytes())
    }

    pub fn finish(&self) -> u64 {
        self.0.digest()
    }

    /// Adds `value` in MessagePack with field names (`rmp_serde`): like JSON, every value
    /// carries its type and every string its length, so two different values cannot write
    /// the same bytes; unlike JSON, no string is scanned for characters to escape, which
    /// was most of hashing every page's view on every build (issue 17's profile). serde
    /// writes in many small pieces, so the value is written whole into a buffer first. A
    /// value that cannot be written adds what was written of it.
    pub fn value(&mut self, value: &impl serde::Serialize) -> &mut Self {
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        BUFFER.with(|buffer| {
            let mut fresh = Vec::new();
            let mut held = buffer.try_borrow_mut();
            let buffer = held.as_deref_mut().unwrap_or(&mut fresh);
            buffer.clear();
            let _ = value.serialize(&mut rmp_serde::Serializer::new(&mut *buffer).with_struct_map());
            self.add(buffer);
        });
        self
    }
}

/// The key of a whole buffer (an image's bytes).
pub fn key(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The first `len` hex digits of the hash (at most 16).
pub fn short_hex(bytes: &[u8], len: usize) -> String {
    let full = format!("{:016x}", fnv64(bytes));
    full[..len.min(16)].to_owned()
}

#[cfg(test)]
mod tests {
    /// Values JSON tells apart get different keys: the types and the field names are
    /// written, and a skipped field does not let the next one stand in its place.
    #[test]
    fn values_json_tells_apart_key_apart() {
        #[derive(serde::Serialize)]
        struct Listing {
            #[serde(skip_serializing_if = "Option::is_none")]
            pages: Option<Vec<&'static str>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            subsections: Option<Vec<&'static str>>,
        }
        fn key(v: &impl serde::Serialize) -> u64 {
            super::Key::default().value(v).finish()
        }
        let json = |v: serde_json::Value| key(&v);
        let keys = [
            json(serde_json::json!("1")),
            json(serde_json::json!(1)),
            json(serde_json::json!(1.0)),
            json(serde_json::json!(null)),
            json(serde_json::json!([])),
            json(serde_json::json!({})),
            json(serde_json::json!([[]])),
            json(serde_json::json!({"a": "b"})),
            json(serde_json::json!({"ab": ""})),
            json(serde_json::json!(["a", "b"])),
            json(serde_json::json!(["ab"])),
            key(&Listing { pages: Some(vec!["x"]), subsections: None }),
            key(&Listing { pages: None, subsections: Some(vec!["x"]) }),
        ];
        let distinct: std::collections::HashSet<u64> = keys.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len());
        let same = serde_json::json!({"title": "Reti \"e\" partnership", "pages": [1, 2.5, null], "è": true});
        assert_eq!(key(&same), key(&same.clone()));
    }

    #[test]
    fn is_stable() {
        assert_eq!(super::fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::short_hex(b"a", 8), "af63dc4c");
        assert_eq!(super::fnv64_parts(&[b"ab", b"", b"c"]), super::fnv64(b"abc"));
    }
}
