// Script errors of Jenkins core itself that a page flow can meet on a core line this plugin supports, and that this
// plugin neither causes nor can mend. Each is matched exactly (message, core's script, the function throwing, the
// core versions that have it), so that any other script error, and this one on a core that fixed it, still fails
// the flow.
const KNOWN = [
  {
    // Core before 2.571 (jenkinsci/jenkins#26978): when the breadcrumbs overflow the header for a moment (a resize
    // under load can make them), core builds the overflow menu from items without a `displayName`, and its
    // xmlEscape throws. Seen once in 2.568.2's CI on the security configuration page.
    what: "core's breadcrumb overflow menu (fixed in Jenkins 2.571)",
    fixedIn: "2.571",
    message: "Cannot read properties of undefined (reading 'replace')",
    stack: [/\bat xmlEscape \(.*\/jsbundles\/header\.js:/],
  },
];

function older(version, than) {
  const a = version.split(".").map(Number);
  const b = than.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] || 0) - (b[i] || 0);
    if (difference !== 0) {
      return difference < 0;
    }
  }
  return false;
}

/**
 * What a script error is, if it is a known error of this core (the version from the X-Jenkins header); else null.
 */
export function knownCoreError(error, coreVersion) {
  const known = KNOWN.find(
    (bug) =>
      coreVersion &&
      older(coreVersion, bug.fixedIn) &&
      error.message === bug.message &&
      bug.stack.every((line) => line.test(error.stack || "")),
  );
  return known ? known.what : null;
}
