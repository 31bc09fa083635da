//! A ZIP archive of a few text files, stored without compression: how the
//! eight SEC data-set tables download as one file. Enough of the format
//! (PKWARE APPNOTE 6.3: local headers, central directory, end record; CRC-32;
//! UTF-8 names) for every unzip tool, and no more: no compression, no
//! ZIP64 (so each file and the whole archive must stay under 4 GiB).

/// The CRC-32 (IEEE 802.3, reflected) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Why an archive could not be written.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLarge;

/// An archive of `files` (name, contents), in order.
pub fn store(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, TooLarge> {
    let len32 = |n: usize| u32::try_from(n).map_err(|_| TooLarge);
    let len16 = |n: usize| u16::try_from(n).map_err(|_| TooLarge);
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in files {
        let offset = len32(out.len())?;
        let (crc, size, name_len) = (crc32(data), len32(data.len())?, len16(name.len())?);
        // Version 2.0; flag bit 11: the name is UTF-8; method 0: stored;
        // time 00:00, date 1980-01-01 (the format's epoch).
        let common = |out: &mut Vec<u8>| {
            for v in [20u16, 1 << 11, 0, 0, 0x21] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, size, size] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&name_len.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // no extra field
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by: version 2.0
        common(&mut directory);
        for v in [0u16, 0, 0] {
            directory.extend_from_slice(&v.to_le_bytes()); // comment, disk, internal attributes
        }
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let count = len16(files.len())?;
    let (directory_size, directory_offset) = (len32(directory.len())?, len32(out.len())?);
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // no comment
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([bytes[at], bytes[at + 1]])
    }

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    #[test]
    fn files_are_stored_whole_and_listed_at_the_end() {
        let files = vec![("A.tsv".to_owned(), b"x\ty\n".to_vec()), ("B.tsv".to_owned(), b"".to_vec())];
        let zip = store(&files).unwrap();
        // First local header, then its name and data, unchanged.
        assert_eq!(u32_at(&zip, 0), 0x0403_4b50);
        assert_eq!(u16_at(&zip, 8), 0, "stored");
        assert_eq!(u32_at(&zip, 14), crc32(b"x\ty\n"));
        assert_eq!(u32_at(&zip, 18), 4);
        assert_eq!(&zip[30..35], b"A.tsv");
        assert_eq!(&zip[35..39], b"x\ty\n");
        // The end record counts both files and points at the directory.
        let end = zip.len() - 22;
        assert_eq!(u32_at(&zip, end), 0x0605_4b50);
        assert_eq!(u16_at(&zip, end + 10), 2);
        let directory = u32_at(&zip, end + 16) as usize;
        assert_eq!(u32_at(&zip, directory), 0x0201_4b50);
        assert_eq!(&zip[directory + 46..directory + 51], b"A.tsv");
        let second = directory + 46 + 5;
        assert_eq!(u32_at(&zip, second), 0x0201_4b50);
        assert_eq!(u32_at(&zip, second + 42), 39, "B.tsv's local header follows A's data");
    }
}
