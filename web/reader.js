// Filing Inspector's file reader: a plain worker that the parsing worker
// (web/src/worker_reads.rs) starts beside itself. It reads the batch's files
// ahead of the parser, several at a time, and hands their bytes over
// (transferred, not copied), so that the parser's thread only parses: reading
// a file costs the thread that reads it a quarter of a millisecond or more of
// the browser's blob machinery, about as much as parsing it.
//
// Messages in: { token, files } starts a batch (`files` holds a File or Blob
// per input, null for an input that needs no reading); { token, taken } says
// how many bytes the parser has taken since. Messages out: { token, first,
// sizes, buffer } holds the bytes of the inputs first, first + 1, …, end to
// end; { token, first, sizes, error } says why they could not be read.

const MAX_AHEAD_BYTES = 32e6; // bytes handed over and not yet taken
const GROUP = 64; // the most files read at once
const GROUP_BYTES = 4e6; // the most bytes read at once (a larger file is read alone)

let token = 0;
let files = [];
let next = 0;
let ahead = 0;

// Read one group per turn, so that new messages are taken between groups.
const turn = new MessageChannel();
let due = false;
const schedule = () => {
  if (!due) {
    due = true;
    turn.port2.postMessage(null);
  }
};
turn.port1.onmessage = () => {
  due = false;
  if (readGroup()) schedule();
};

self.onmessage = ({ data }) => {
  if (data.files) {
    ({ token, files } = data);
    next = 0;
    ahead = 0;
  } else if (data.token === token) {
    ahead -= data.taken;
  }
  schedule();
};

// Read the next files and hand them over; whether to go on.
function readGroup() {
  while (next < files.length && !(files[next] instanceof Blob)) next++;
  if (next >= files.length || ahead >= MAX_AHEAD_BYTES) return false;
  const first = next;
  const group = [];
  let bytes = 0;
  while (next < files.length && files[next] instanceof Blob && group.length < GROUP) {
    const size = files[next].size;
    if (bytes > 0 && bytes + size > GROUP_BYTES) break;
    bytes += size;
    group.push(files[next]);
    next++;
  }
  const sizes = group.map((file) => file.size);
  try {
    const buffer = new FileReaderSync().readAsArrayBuffer(group.length === 1 ? group[0] : new Blob(group));
    ahead += bytes;
    self.postMessage({ token, first, sizes, buffer }, [buffer]);
  } catch (error) {
    self.postMessage({ token, first, sizes, error: String(error?.message ?? error) });
  }
  return true;
}
