//! A small stable content hash (FNV-1a, 64 bit) for asset fingerprints and translation
//! marks. Not cryptographic; it only has to be stable across runs, machines and versions,
//! which `std`'s hasher does not promise.

pub fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_parts(&[bytes])
}

/// The hash of the parts one after the other, as `fnv64` of their concatenation (FNV reads
/// byte by byte), without copying them into one buffer (an image can be 20 MB).
pub fn fnv64_parts(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.iter()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The first `len` hex digits of the hash (at most 16).
pub fn short_hex(bytes: &[u8], len: usize) -> String {
    let full = format!("{:016x}", fnv64(bytes));
    full[..len.min(16)].to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_stable() {
        assert_eq!(super::fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::short_hex(b"a", 8), "af63dc4c");
        assert_eq!(super::fnv64_parts(&[b"ab", b"", b"c"]), super::fnv64(b"abc"));
    }
}
