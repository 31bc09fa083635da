// What each crate adds to the wasm: the code size of every function, summed
// by the crate its name starts with (a poor man's `twiggy top`, with nothing
// to install). It reads the `name` section, which cargo's own output keeps and
// wasm-bindgen and wasm-opt strip, so point it at cargo's wasm:
//
//   trunk build --release   (or: cargo build -p filing-web --target wasm32-unknown-unknown --profile wasm)
//   node tests/bench/wasm-crates.mjs target/wasm32-unknown-unknown/wasm/filing-web.wasm
//
// Sizes are before wasm-bindgen and wasm-opt (which shrink every crate by
// roughly the same factor); data segments (string constants, tables) are
// counted apart, since they have no crate. A function generic over another
// crate's types counts for the crate of its own path (`core::ptr::drop_in_place<tachys::…>`
// is `core`). WASM_CRATES_SHOW=<crate> also lists that crate's functions with their sizes.

import { readFileSync } from 'node:fs';

/** A reader of LEB128 numbers and names over `bytes`. */
function reader(bytes, at = 0) {
  return {
    get at() {
      return at;
    },
    skip(n) {
      at += n;
    },
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const byte = bytes[at++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) return result;
      }
    },
    name() {
      const length = this.u32();
      const text = new TextDecoder().decode(bytes.subarray(at, at + length));
      at += length;
      return text;
    },
  };
}

/**
 * The crate a function name belongs to: the first path segment of a mangled
 * (`_ZN5serde…`, `_ZN…_$LT$alloc..vec..Vec…`) or demangled (`<a::B as c::D>::f`) name.
 */
export function crateOf(name) {
  const v0 = /^_R.*?C[sr][0-9A-Za-z]*_(\d+)/.exec(name);
  if (v0) return name.slice(v0.index + v0[0].length, v0.index + v0[0].length + Number(v0[1]));
  const mangled = /^_ZN(\d+)/.exec(name);
  if (mangled) {
    const first = name.slice(mangled[0].length, mangled[0].length + Number(mangled[1]));
    // `<T as a::Trait>` belongs to the trait's crate; `<a::Type as …>` to the type's.
    const as = first.split('$u20$as$u20$');
    const own = as.length > 1 && !as[0].includes('..') ? as[1] : first;
    const path = own.replace(/^_?(\$LT\$|\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$)+/, '');
    return crateOf(`${path.replaceAll('..', '::')}::`);
  }
  const path = name.replace(/^[<&*\s]+(mut |const |dyn )?/, '');
  const head = path.split('::')[0];
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(head) && path.includes('::') ? head : '(other)';
}

/** Code bytes per crate, data bytes, and the total, of the wasm in `bytes`. */
export function crateSizes(bytes) {
  const r = reader(bytes, 8);
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (r.at < bytes.length) {
    const id = bytes[r.at];
    r.skip(1);
    const size = r.u32();
    const end = r.at + size;
    if (id === 2) {
      // imports: count the functions, which come first in the index space
      const count = r.u32();
      for (let i = 0; i < count; i += 1) {
        r.name();
        r.name();
        const kind = bytes[r.at];
        r.skip(1);
        if (kind === 0) {
          r.u32();
          imported += 1;
        } else if (kind === 1) {
          r.skip(1);
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 2) {
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 3) {
          r.skip(2);
        } else {
          r.u32();
          r.skip(0);
        }
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i += 1) {
        const length = r.u32();
        bodies.push(length);
        r.skip(length);
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      const section = r.name();
      if (section === 'name') {
        while (r.at < end) {
          const sub = bytes[r.at];
          r.skip(1);
          const subSize = r.u32();
          const subEnd = r.at + subSize;
          if (sub === 1) {
            const count = r.u32();
            for (let i = 0; i < count; i += 1) {
              const index = r.u32();
              names.set(index, r.name());
            }
          }
          r.skip(subEnd - r.at);
        }
      }
    }
    r.skip(end - r.at);
  }
  const crates = new Map();
  bodies.forEach((length, i) => {
    const name = names.get(imported + i);
    const crate = name === undefined ? '(unnamed)' : crateOf(name);
    crates.set(crate, (crates.get(crate) ?? 0) + length);
    if (process.env.WASM_CRATES_SHOW === crate) console.log(length, name);
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  return { crates: [...crates].sort((a, b) => b[1] - a[1]), code, data, total: bytes.length, named: names.size };
}

function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node tests/bench/wasm-crates.mjs CARGO_WASM (e.g. target/wasm32-unknown-unknown/wasm/filing-web.wasm)');
    process.exit(2);
  }
  const { crates, code, data, total, named } = crateSizes(readFileSync(path));
  if (named === 0) {
    console.error(`${path} has no name section: use cargo's wasm, not the one wasm-bindgen or wasm-opt wrote`);
    process.exit(1);
  }
  const kb = (n) => `${(n / 1000).toFixed(1).padStart(8)} KB`;
  console.log(`${path}: ${kb(total).trim()} in all, ${kb(code).trim()} of code, ${kb(data).trim()} of data`);
  for (const [crate, size] of crates) {
    console.log(`${crate.padEnd(28)} ${kb(size)}  ${((100 * size) / code).toFixed(1).padStart(5)} %`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) main();
