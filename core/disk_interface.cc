#include "core/disk_interface.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace thv {

namespace {

std::string ErrnoText(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::string Parent(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

bool PathWithin(const std::string& path, const std::string& dir) {
  return path == dir ||
         (path.compare(0, dir.size(), dir) == 0 && (dir == "/" || path[dir.size()] == '/'));
}

DiskInterface::FileInfo RealDiskInterface::Lookup(const std::string& path) {
  FileInfo info;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    info.error = std::strerror(errno);
    return info;
  }
  info.kind = S_ISREG(st.st_mode)   ? Kind::kFile
              : S_ISDIR(st.st_mode) ? Kind::kDirectory
                                    : Kind::kOther;
  info.device = static_cast<uint64_t>(st.st_dev);
  info.inode = static_cast<uint64_t>(st.st_ino);
  info.mode = static_cast<uint32_t>(st.st_mode & 07777);
  return info;
}

namespace {

const char* FileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

// Why the open descriptor fd is refused: it is not a regular file, or fstat failed.
std::string NotRegular(const char* what, const std::string& path, int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return ErrnoText(what, path);
  return std::string(what) + " " + path + ": " + FileTypeName(st.st_mode) + ", not a regular file";
}

// Without the name: diagnostics put the file in front of the message.
// Opens path, refusing anything but a regular file. O_NONBLOCK: opening a FIFO without a peer
// would block forever (or fail at once, for writing); the type is checked on the open
// descriptor, so nothing can swap the file between the check and the use.
int OpenRegularFile(const std::string& path, int flags, const char* open_failed,
                    const char* not_regular, std::string* err) {
  const int fd = open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0644);
  if (fd < 0) {
    // ENXIO: a FIFO nobody reads, opened for writing.
    *err = errno == ENXIO ? std::string(not_regular) + " " + path + ": a FIFO, not a regular file"
                          : ErrnoText(open_failed, path);
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *err = NotRegular(not_regular, path, fd);
    close(fd);
    return -1;
  }
  return fd;
}

std::string TooLarge(size_t max_bytes) {
  return "larger than the limit of " + std::to_string(max_bytes) + " bytes (--max-input-bytes)";
}

}  // namespace

bool ReadBounded(int fd, const std::string& name, size_t max_bytes, std::string* contents,
                 std::string* err) {
  // Read straight into the string, sized from fstat (pipes and /proc files report 0 and grow),
  // never more than one byte past the limit.
  struct stat st;
  size_t size = fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  if (size > max_bytes) {
    *err = TooLarge(max_bytes);
    return false;
  }
  contents->resize(size + 1);  // one spare byte: a read filling it means the file grew
  size_t done = 0;
  while (true) {
    if (done == contents->size()) {
      if (done > max_bytes) {
        *err = TooLarge(max_bytes);
        contents->clear();
        return false;
      }
      contents->resize(std::min(2 * done + (1 << 16), max_bytes + 1));
    }
    ssize_t n = read(fd, &(*contents)[done], contents->size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = ErrnoText("cannot read", name);
      contents->clear();
      return false;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  if (done > max_bytes) {
    *err = TooLarge(max_bytes);
    contents->clear();
    return false;
  }
  contents->resize(done);
  return true;
}

bool RealDiskInterface::ReadFile(const std::string& path, size_t max_bytes, std::string* contents,
                                 std::string* err) {
  const int fd = OpenRegularFile(path, O_RDONLY, "cannot open", "cannot read", err);
  if (fd < 0) return false;
  const bool ok = ReadBounded(fd, path, max_bytes, contents, err);
  close(fd);
  return ok;
}

bool RealDiskInterface::RealPath(const std::string& path, std::string* resolved, std::string* err) {
  // realpath() needs every component to exist: resolve the deepest existing ancestor and append
  // the rest. A missing component may still be a symlink (to a directory not created yet): its
  // target takes its place, so writing there keeps the link.
  std::string existing = path.empty() ? "." : path;
  std::vector<std::string> rest;
  for (int hops = 0;;) {
    if (char* real = realpath(existing.c_str(), nullptr)) {
      *resolved = real;
      free(real);
      break;
    }
    if (errno != ENOENT) {
      *err = ErrnoText("cannot resolve", path);
      return false;
    }
    while (existing.size() > 1 && existing.back() == '/') existing.pop_back();
    const size_t slash = existing.find_last_of('/');
    const std::string parent = slash == std::string::npos ? "."
                               : slash == 0               ? "/"
                                                          : existing.substr(0, slash);
    char link[4096];
    const ssize_t n = readlink(existing.c_str(), link, sizeof link - 1);
    if (n > 0) {
      if (++hops > 40) {  // as the kernel's limit
        errno = ELOOP;
        *err = ErrnoText("cannot resolve", path);
        return false;
      }
      link[n] = '\0';
      existing = link[0] == '/' ? std::string(link) : parent + "/" + link;
      continue;
    }
    const std::string name = slash == std::string::npos ? existing : existing.substr(slash + 1);
    if (name == "..") {  // below a missing directory: nothing to resolve it against
      *err = "cannot resolve " + path + ": No such file or directory";
      return false;
    }
    if (!name.empty() && name != ".") rest.push_back(name);
    existing = parent;
  }
  for (auto it = rest.rbegin(); it != rest.rend(); ++it)
    *resolved += (resolved->back() == '/' ? "" : "/") + *it;
  return true;
}

namespace {

// Writes all of contents to fd, retrying after signals; false with errno set on failure.
bool WriteAll(int fd, const std::string& contents) {
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool RealDiskInterface::WriteFile(const std::string& path, const std::string& contents,
                                  std::string* err) {
  // Not O_TRUNC at open: only a regular file may be truncated.
  const int fd = OpenRegularFile(path, O_WRONLY | O_CREAT, "cannot create", "cannot write", err);
  if (fd < 0) return false;
  if (ftruncate(fd, 0) != 0) {
    *err = ErrnoText("cannot write", path);
    close(fd);
    return false;
  }
  if (!WriteAll(fd, contents)) {
    *err = ErrnoText("cannot write", path);
    close(fd);
    return false;
  }
  if (close(fd) != 0) {
    *err = ErrnoText("cannot write", path);
    return false;
  }
  return true;
}

bool RealDiskInterface::WriteNewFile(const std::string& path, const std::string& contents,
                                     uint32_t mode, std::string* err) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    *err = ErrnoText("cannot create", path);
    return false;
  }
  // fchmod after creation: the umask does not apply to it.
  bool ok = WriteAll(fd, contents) && fchmod(fd, static_cast<mode_t>(mode)) == 0 && fsync(fd) == 0;
  if (!ok) *err = ErrnoText("cannot write", path);
  if (close(fd) != 0 && ok) {
    *err = ErrnoText("cannot write", path);
    ok = false;
  }
  if (!ok) unlink(path.c_str());  // created above (O_EXCL): ours to remove
  return ok;
}

bool RealDiskInterface::SyncDir(const std::string& path, std::string* err) {
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool ok = fd >= 0 && fsync(fd) == 0;
  if (!ok) *err = ErrnoText("cannot sync", path);
  if (fd >= 0) close(fd);
  return ok;
}

bool RealDiskInterface::ListDir(const std::string& path, std::vector<std::string>* names,
                                std::string* err) {
  DIR* dir = opendir(path.c_str());
  if (!dir) {
    *err = ErrnoText("cannot list", path);
    return false;
  }
  names->clear();
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names->push_back(name);
  }
  closedir(dir);
  std::sort(names->begin(), names->end());
  return true;
}

bool RealDiskInterface::MakeDirs(const std::string& path, std::string* err) {
  if (path.empty() || Stat(path) == Kind::kDirectory) return true;
  if (!MakeDirs(Parent(path), err)) return false;
  if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    *err = ErrnoText("cannot create directory", path);
    return false;
  }
  return true;
}

bool RealDiskInterface::Rename(const std::string& from, const std::string& to, std::string* err) {
  if (rename(from.c_str(), to.c_str()) != 0) {
    *err = ErrnoText("cannot rename " + from + " to", to);
    return false;
  }
  return true;
}

bool RealDiskInterface::Link(const std::string& from, const std::string& to, std::string* err) {
  struct stat st;
  if (lstat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {  // never link a symlink
    *err = "cannot link " + from + ": not a regular file";
    return false;
  }
  if (link(from.c_str(), to.c_str()) != 0) {
    *err = ErrnoText("cannot link " + from + " to", to);
    return false;
  }
  return true;
}

bool RealDiskInterface::ReplaceDir(const std::string& from, const std::string& to,
                                   std::string* err) {
  // renameat2(RENAME_EXCHANGE) swaps both names in one step, so `to` is never missing or
  // half-written; the old content ends up at `from` and is removed afterwards.
  if (Stat(to) == Kind::kDirectory) {
    constexpr unsigned kRenameExchange = 1 << 1;
    if (syscall(SYS_renameat2, AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), kRenameExchange) !=
        0) {
      *err = ErrnoText("cannot replace", to);
      return false;
    }
    return RemoveTree(from, err);
  }
  if (rename(from.c_str(), to.c_str()) != 0) {
    *err = ErrnoText("cannot rename into", to);
    return false;
  }
  return true;
}

namespace {

// Removes the entries of the open directory dir_fd (path names it, for errors) and closes it.
// Entry types come from readdir, so a file costs one unlinkat and no stat.
bool RemoveEntries(int dir_fd, const std::string& path, std::string* err) {
  DIR* dir = fdopendir(dir_fd);
  if (!dir) {
    *err = ErrnoText("cannot list", path);
    close(dir_fd);
    return false;
  }
  bool ok = true;
  while (dirent* e = readdir(dir)) {
    const char* name = e->d_name;
    if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    if (is_dir) {
      int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      ok = child >= 0 ? RemoveEntries(child, path + "/" + name, err)
                      : (*err = ErrnoText("cannot open", path + "/" + name), false);
    }
    if (ok && unlinkat(dirfd(dir), name, is_dir ? AT_REMOVEDIR : 0) != 0) {
      *err = ErrnoText("cannot remove", path + "/" + name);
      ok = false;
    }
    if (!ok) break;
  }
  closedir(dir);
  return ok;
}

}  // namespace

bool RealDiskInterface::RemoveTree(const std::string& path, std::string* err) {
  if (unlink(path.c_str()) == 0) return true;
  if (errno == ENOENT) return true;
  if (errno != EISDIR && errno != EPERM) {
    *err = ErrnoText("cannot remove", path);
    return false;
  }
  int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    *err = ErrnoText("cannot remove", path);
    return false;
  }
  if (!RemoveEntries(fd, path, err)) return false;
  if (rmdir(path.c_str()) != 0) {
    *err = ErrnoText("cannot remove", path);
    return false;
  }
  return true;
}

// --- in memory ---

DiskInterface::FileInfo MemoryDiskInterface::Lookup(const std::string& path) {
  FileInfo info;
  const std::string prefix = path + "/";
  auto it = files.lower_bound(prefix);
  if (files.count(path)) {
    info.kind = Kind::kFile;
  } else if (std::find(dirs.begin(), dirs.end(), path) != dirs.end() ||
             (it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0)) {
    info.kind = Kind::kDirectory;
  } else {
    info.error = "No such file or directory";
    return info;
  }
  info.inode = std::hash<std::string>()(path);  // one name per file here: the path is identity
  info.mode = info.kind == Kind::kFile ? 0644 : 0755;
  return info;
}

bool MemoryDiskInterface::ReadFile(const std::string& path, size_t max_bytes, std::string* contents,
                                   std::string* err) {
  auto it = files.find(path);
  if (it == files.end()) {
    *err = "cannot open " + path + ": No such file or directory";
    return false;
  }
  if (it->second.size() > max_bytes) {
    *err = TooLarge(max_bytes);
    return false;
  }
  *contents = it->second;
  return true;
}

bool MemoryDiskInterface::RealPath(const std::string& path, std::string* resolved, std::string*) {
  // No symlinks here: only "." and ".." to fold; relative paths stay relative (the files are
  // keyed by the paths callers use).
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string name = path.substr(start, slash - start);
    if (name == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!name.empty() && name != ".") {
      parts.push_back(name);
    }
    start = slash + 1;
  }
  const bool absolute = !path.empty() && path[0] == '/';
  resolved->clear();
  for (const std::string& p : parts) *resolved += (resolved->empty() && !absolute ? "" : "/") + p;
  if (resolved->empty()) *resolved = absolute ? "/" : ".";
  return true;
}

bool MemoryDiskInterface::WriteFile(const std::string& path, const std::string& contents,
                                    std::string*) {
  files[path] = contents;
  return true;
}

bool MemoryDiskInterface::WriteNewFile(const std::string& path, const std::string& contents,
                                       uint32_t, std::string* err) {
  if (Stat(path) != Kind::kMissing) {
    *err = "cannot create " + path + ": File exists";
    return false;
  }
  files[path] = contents;
  return true;
}

bool MemoryDiskInterface::SyncDir(const std::string&, std::string*) { return true; }

bool MemoryDiskInterface::ListDir(const std::string& path, std::vector<std::string>* names,
                                  std::string* err) {
  if (Stat(path) != Kind::kDirectory) {
    *err = "cannot list " + path + ": No such file or directory";
    return false;
  }
  names->clear();
  const std::string prefix = path + "/";
  auto add = [&](const std::string& full) {
    if (full.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = full.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (!name.empty() && std::find(names->begin(), names->end(), name) == names->end())
      names->push_back(name);
  };
  for (const auto& [p, c] : files) add(p);
  for (const std::string& d : dirs) add(d);
  std::sort(names->begin(), names->end());
  return true;
}

bool MemoryDiskInterface::MakeDirs(const std::string& path, std::string*) {
  if (Stat(path) != Kind::kDirectory) dirs.push_back(path);
  return true;
}

bool MemoryDiskInterface::Link(const std::string& from, const std::string& to, std::string* err) {
  auto it = files.find(from);
  if (it == files.end() || files.count(to)) {
    *err = "cannot link " + from + " to " + to;
    return false;
  }
  files[to] = it->second;  // a copy: nothing rewrites a file in place
  return true;
}

bool MemoryDiskInterface::Rename(const std::string& from, const std::string& to, std::string* err) {
  auto it = files.find(from);
  if (it == files.end()) {
    *err = "cannot rename " + from + ": No such file or directory";
    return false;
  }
  files[to] = std::move(it->second);
  files.erase(from);
  return true;
}

bool MemoryDiskInterface::ReplaceDir(const std::string& from, const std::string& to,
                                     std::string* err) {
  if (!RemoveTree(to, err)) return false;
  std::map<std::string, std::string> moved;
  const std::string prefix = from + "/";
  for (auto it = files.begin(); it != files.end();) {
    if (it->first.compare(0, prefix.size(), prefix) == 0) {
      moved[to + "/" + it->first.substr(prefix.size())] = it->second;
      it = files.erase(it);
    } else {
      ++it;
    }
  }
  files.insert(moved.begin(), moved.end());
  std::replace(dirs.begin(), dirs.end(), from, to);
  return true;
}

bool MemoryDiskInterface::RemoveTree(const std::string& path, std::string*) {
  const std::string prefix = path + "/";
  for (auto it = files.begin(); it != files.end();) {
    if (it->first == path || it->first.compare(0, prefix.size(), prefix) == 0)
      it = files.erase(it);
    else
      ++it;
  }
  dirs.erase(std::remove_if(dirs.begin(), dirs.end(),
                            [&](const std::string& d) {
                              return d == path || d.compare(0, prefix.size(), prefix) == 0;
                            }),
             dirs.end());
  return true;
}

}  // namespace thv
