//! `Directory::warm_up` builds the embedded directory on a thread of its own (a process of its
//! own here: no other test has built it before).

use footprint_rights::Directory;
use std::time::{Duration, Instant};

#[test]
fn warming_up_builds_the_directory_without_anyone_asking() {
    assert!(!Directory::is_built(), "nothing asked for the directory yet");
    Directory::warm_up();
    Directory::warm_up();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !Directory::is_built() {
        assert!(Instant::now() < deadline, "the warm-up did not build the directory in 60 s");
        std::thread::sleep(Duration::from_millis(5));
    }
    // The one build is the one every caller gets.
    assert!(Directory::builtin().match_name("Google").is_some());
    assert!(std::ptr::eq(Directory::builtin(), Directory::builtin()));
}
