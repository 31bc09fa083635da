#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| filing_fuzz::submission(data));
