// `map`, or null where the addon could not be built when the package was installed (no C
// compiler, say): Briefroom then writes its journal with a system call per turn instead.
let map = null;
try {
  map = require("./build/Release/mmap.node").map;
} catch {
  map = null;
}
module.exports = { map };
