//! The file-system natives under `os`'s prelude (checker/pkg_os.rs): real
//! files, at the paths the program names (relative to the current
//! directory, as Go's are). Nothing here runs unless the program calls
//! `os`'s file functions, so a program that does not touch files touches
//! none (the corpus runs under Miri with isolation).
//!
//! A file the program opened is a `std::fs::File` in one process-wide
//! table under a descriptor number of minigo's (from 3, never reused);
//! descriptors 0, 1 and 2 are the program's stdin, stdout and stderr. Each
//! native reports a failure as the system error's text as Go's `syscall`
//! spells it (`"no such file or directory"`), `""` on success; the
//! prelude wraps it in a `*fs.PathError`.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt, PermissionsExt};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};

use super::value::{Str, Value};
use super::Output;
use crate::ir::OsFn;

/// The open files, by minigo's descriptor number.
static FILES: Mutex<Option<HashMap<i64, File>>> = Mutex::new(None);
/// The next descriptor number.
static NEXT_FD: AtomicI64 = AtomicI64::new(3);
/// The next temporary-name number.
static UNIQUE: AtomicI64 = AtomicI64::new(0);

fn files() -> MutexGuard<'static, Option<HashMap<i64, File>>> {
    FILES.lock().unwrap_or_else(|p| p.into_inner())
}

// Go's flag values (Linux).
const O_WRONLY: i64 = 0x1;
const O_RDWR: i64 = 0x2;
const O_CREATE: i64 = 0x40;
const O_EXCL: i64 = 0x80;
const O_TRUNC: i64 = 0x200;
const O_APPEND: i64 = 0x400;

fn arg_bytes(a: &[Value], i: usize) -> &[u8] {
    match a.get(i) {
        Some(Value::Str(s)) => s.as_bytes(),
        _ => &[],
    }
}

fn path(a: &[Value], i: usize) -> &OsStr {
    OsStr::from_bytes(arg_bytes(a, i))
}

fn num(a: &[Value], i: usize) -> i64 {
    match a.get(i) {
        Some(Value::Int(x)) => *x,
        Some(Value::BoxedInt(x)) => **x,
        _ => 0,
    }
}

fn text(s: &str) -> Value {
    Value::Str(Str::from(s.to_string()))
}

fn bytes(b: &[u8]) -> Value {
    Value::Str(Str(b.into()))
}

/// Go's text of a system error: the C library's, its first letter lower
/// case (`syscall.Errno`'s table); one without an errno (an open Rust's
/// options refuse) is `EINVAL`'s.
fn errno(e: &std::io::Error) -> String {
    let Some(code) = e.raw_os_error() else {
        return "invalid argument".into();
    };
    let full = std::io::Error::from_raw_os_error(code).to_string();
    let msg = full.split(" (os error").next().unwrap_or(&full);
    let mut cs = msg.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => msg.into(),
    }
}

fn status(r: std::io::Result<()>) -> Value {
    match r {
        Ok(()) => text(""),
        Err(e) => text(&errno(&e)),
    }
}

/// Runs `f` on the open file `fd`; EBADF's text if there is none.
fn with_file<T>(fd: i64, f: impl FnOnce(&mut File) -> std::io::Result<T>) -> Result<T, String> {
    let mut g = files();
    let Some(file) = g.get_or_insert_with(HashMap::new).get_mut(&fd) else {
        return Err("bad file descriptor".into());
    };
    f(file).map_err(|e| errno(&e))
}

/// Runs an `os` native.
pub fn call(f: OsFn, a: &[Value], o: &mut dyn Output) -> Vec<Value> {
    if !o.files() && touches_files(f, a) {
        return denied(f);
    }
    match f {
        OsFn::Open => match open(a) {
            Ok(file) => {
                let fd = NEXT_FD.fetch_add(1, Ordering::Relaxed);
                files().get_or_insert_with(HashMap::new).insert(fd, file);
                vec![Value::Int(fd), text("")]
            }
            Err(e) => vec![Value::Int(-1), text(&errno(&e))],
        },
        OsFn::Write => {
            let (fd, b) = (num(a, 0), arg_bytes(a, 1));
            let r = match fd {
                1 => {
                    o.out(b);
                    Ok(())
                }
                2 => {
                    o.err(b);
                    Ok(())
                }
                _ => with_file(fd, |f| f.write_all(b)),
            };
            match r {
                Ok(()) => vec![Value::Int(b.len() as i64), text("")],
                Err(e) => vec![Value::Int(0), text(&e)],
            }
        }
        OsFn::Read => {
            let (fd, max) = (num(a, 0), num(a, 1).max(0) as usize);
            let mut buf = vec![0u8; max];
            let r = match fd {
                0 => std::io::stdin().read(&mut buf).map_err(|e| errno(&e)),
                _ => with_file(fd, |f| f.read(&mut buf)),
            };
            match r {
                Ok(n) => vec![bytes(&buf[..n]), text("")],
                Err(e) => vec![bytes(&[]), text(&e)],
            }
        }
        OsFn::ReadAt => {
            let (max, off) = (num(a, 1).max(0) as usize, num(a, 2).max(0) as u64);
            let mut buf = vec![0u8; max];
            let r = with_file(num(a, 0), |f| {
                let mut n = 0;
                while n < max {
                    match f.read_at(&mut buf[n..], off + n as u64)? {
                        0 => break,
                        m => n += m,
                    }
                }
                Ok(n)
            });
            match r {
                Ok(n) => vec![bytes(&buf[..n]), text("")],
                Err(e) => vec![bytes(&[]), text(&e)],
            }
        }
        OsFn::WriteAt => {
            let (b, off) = (arg_bytes(a, 1), num(a, 2).max(0) as u64);
            match with_file(num(a, 0), |f| f.write_all_at(b, off)) {
                Ok(()) => vec![Value::Int(b.len() as i64), text("")],
                Err(e) => vec![Value::Int(0), text(&e)],
            }
        }
        OsFn::Close => {
            let fd = num(a, 0);
            let closed = files().get_or_insert_with(HashMap::new).remove(&fd);
            vec![text(if closed.is_some() || fd < 3 {
                ""
            } else {
                "bad file descriptor"
            })]
        }
        OsFn::Sync => vec![match with_file(num(a, 0), |f| f.sync_all()) {
            Ok(()) => text(""),
            Err(e) => text(&e),
        }],
        OsFn::Seek => {
            let (off, whence) = (num(a, 1), num(a, 2));
            let to = match whence {
                0 if off >= 0 => SeekFrom::Start(off as u64),
                1 => SeekFrom::Current(off),
                2 => SeekFrom::End(off),
                _ => return vec![Value::Int(0), text("invalid argument")],
            };
            match with_file(num(a, 0), |f| f.seek(to)) {
                Ok(p) => vec![Value::Int(p as i64), text("")],
                Err(e) => vec![Value::Int(0), text(&e)],
            }
        }
        OsFn::Remove => vec![remove(path(a, 0))],
        OsFn::RemoveAll => {
            let p = path(a, 0);
            vec![match fs::symlink_metadata(p) {
                Err(_) => text(""),
                Ok(m) if m.is_dir() => status(fs::remove_dir_all(p)),
                Ok(_) => status(fs::remove_file(p)),
            }]
        }
        OsFn::Mkdir => vec![status(
            fs::DirBuilder::new()
                .mode(num(a, 1) as u32 & 0o7777)
                .create(path(a, 0)),
        )],
        OsFn::MkdirAll => {
            let p = path(a, 0);
            vec![match fs::metadata(p) {
                Ok(m) if m.is_dir() => text(""),
                Ok(_) => text("not a directory"),
                Err(_) => status(
                    fs::DirBuilder::new()
                        .recursive(true)
                        .mode(num(a, 1) as u32 & 0o7777)
                        .create(p),
                ),
            }]
        }
        OsFn::Stat => match fs::metadata(path(a, 0)) {
            Ok(m) => vec![
                Value::Int(m.len() as i64),
                Value::Int(i64::from(m.permissions().mode() & 0o777)),
                Value::Bool(m.is_dir()),
                text(""),
            ],
            Err(e) => vec![
                Value::Int(0),
                Value::Int(0),
                Value::Bool(false),
                text(&errno(&e)),
            ],
        },
        OsFn::TempDir => {
            let d = std::env::var_os("TMPDIR").filter(|d| !d.is_empty());
            vec![match d {
                Some(d) => bytes(d.as_bytes()),
                None => text("/tmp"),
            }]
        }
        OsFn::Pid => vec![Value::Int(i64::from(std::process::id()))],
        OsFn::Unique => {
            let k = UNIQUE.fetch_add(1, Ordering::Relaxed);
            let n = u64::from(std::process::id()).wrapping_mul(1_000_003) ^ (k as u64 * 7919);
            vec![text(&(n % 4_000_000_000).to_string())]
        }
    }
}

/// `open(2)` with Go's flags and permission bits.
fn open(a: &[Value]) -> std::io::Result<File> {
    let (flag, perm) = (num(a, 1), num(a, 2));
    let acc = flag & 3;
    let mut o = OpenOptions::new();
    o.read(acc != O_WRONLY)
        .write(acc == O_WRONLY || acc == O_RDWR)
        .append(flag & O_APPEND != 0)
        .truncate(flag & O_TRUNC != 0)
        .mode(perm as u32 & 0o7777);
    if flag & O_CREATE != 0 {
        if flag & O_EXCL != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    o.open(path(a, 0))
}

/// Go's `os.Remove`: unlink, else rmdir; when both fail, rmdir's error
/// unless it says the name is no directory.
fn remove(p: &OsStr) -> Value {
    let Err(e) = fs::remove_file(p) else {
        return text("");
    };
    match fs::remove_dir(p) {
        Ok(()) => text(""),
        Err(e1) if e1.raw_os_error() != Some(20) => text(&errno(&e1)),
        Err(_) => text(&errno(&e)),
    }
}

/// Whether `f` on `a` reaches the file system (not the standard streams,
/// the temporary directory's name, a number or the process id).
fn touches_files(f: OsFn, a: &[Value]) -> bool {
    match f {
        OsFn::ReadAt | OsFn::WriteAt => true,
        OsFn::Write | OsFn::Read | OsFn::Close | OsFn::Sync | OsFn::Seek => num(a, 0) > 2,
        OsFn::TempDir | OsFn::Unique | OsFn::Pid => false,
        _ => true,
    }
}

/// The results of `f` refused (`Options::files` is false): EPERM's text.
fn denied(f: OsFn) -> Vec<Value> {
    let e = text("operation not permitted");
    match f {
        OsFn::Open | OsFn::Write | OsFn::Seek | OsFn::WriteAt => vec![Value::Int(-1), e],
        OsFn::Read | OsFn::ReadAt => vec![bytes(&[]), e],
        OsFn::Stat => vec![Value::Int(0), Value::Int(0), Value::Bool(false), e],
        _ => vec![e],
    }
}
