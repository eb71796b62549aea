//! Byte encoding helpers for the index format: LEB128 varints, fixed-width integers,
//! length-prefixed strings. The [`Reader`] checks every bound and reports a truncated or
//! damaged index as an [`Error`], never by panicking.

use crate::error::{Error, Result};

/// Appends `value` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Appends a length-prefixed UTF-8 string.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A bounds-checked cursor over a byte slice.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`; `what` names the structure in error messages.
    pub fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader {
            bytes,
            pos: 0,
            what,
        }
    }

    /// Has everything been read?
    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The current offset.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or(&[])
    }

    fn truncated(&self) -> Error {
        Error::Truncated { what: self.what }
    }

    /// Reads `n` raw bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.truncated())?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    /// Reads one byte.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.bytes(1)?[0])
    }

    /// Reads a little-endian u32.
    pub fn u32(&mut self) -> Result<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Reads a little-endian u64.
    pub fn u64(&mut self) -> Result<u64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// Reads a little-endian f32.
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// Reads a LEB128 varint (at most 10 bytes).
    #[inline]
    pub fn varint(&mut self) -> Result<u64> {
        // Most values in postings (document gaps, field ids, frequencies) fit one byte.
        if let Some(&byte) = self.bytes.get(self.pos) {
            if byte < 0x80 {
                self.pos += 1;
                return Ok(u64::from(byte));
            }
        }
        self.varint_long()
    }

    #[inline(never)]
    fn varint_long(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7F).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Error::Corrupt {
            what: format!("a varint in {} is too long", self.what),
        })
    }

    /// Reads a varint that must fit a u32.
    #[inline]
    pub fn varint_u32(&mut self) -> Result<u32> {
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| Error::Corrupt {
            what: format!("a value in {} is out of range", self.what),
        })
    }

    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str> {
        let len = usize::try_from(self.varint()?).map_err(|_| self.truncated())?;
        let bytes = self.bytes(len)?;
        std::str::from_utf8(bytes).map_err(|_| Error::Corrupt {
            what: format!("a string in {} is not UTF-8", self.what),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let values = [
            0u64,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u32::MAX as u64,
            u64::MAX,
        ];
        let mut buf = Vec::new();
        for v in values {
            put_varint(&mut buf, v);
        }
        put_str(&mut buf, "تيليجرام");
        let mut r = Reader::new(&buf, "test");
        for v in values {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert_eq!(r.str().unwrap(), "تيليجرام");
        assert!(r.is_empty());
        assert_eq!(r.u8(), Err(Error::Truncated { what: "test" }));
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        assert!(Reader::new(&[0xFF; 11], "x").varint().is_err());
        assert!(Reader::new(&[5, b'a'], "x").str().is_err());
        assert!(Reader::new(&[2, 0xFF, 0xFE], "x").str().is_err());
        assert!(Reader::new(&[1, 2, 3], "x").u32().is_err());
    }
}
