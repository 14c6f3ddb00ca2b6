// Every file access goes through DiskInterface, so tests can swap in memory for the disk.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace thv {

struct DiskInterface {
  virtual ~DiskInterface() = default;

  enum class Kind { kMissing, kFile, kDirectory, kOther };
  // What a path leads to after following symlinks. kMissing carries why (strerror text: "No such
  // file or directory", "Too many levels of symbolic links", ...); device and inode identify
  // directories, so a walk can tell when a symlink leads back up the tree.
  struct FileInfo {
    Kind kind = Kind::kMissing;
    uint64_t device = 0;
    uint64_t inode = 0;
    uint32_t mode = 0;  // permission bits (07777)
    std::string error;
  };
  virtual FileInfo Lookup(const std::string& path) = 0;
  Kind Stat(const std::string& path) { return Lookup(path).kind; }

  // Reads a whole regular file of at most max_bytes; on failure returns false and sets *err.
  // Anything else (a FIFO, a device, a directory) is refused without blocking, and a file over
  // the limit is refused as soon as the limit is passed, so no read hangs or grows unbounded.
  virtual bool ReadFile(const std::string& path, size_t max_bytes, std::string* contents,
                        std::string* err) = 0;
  static constexpr size_t kDefaultMaxReadBytes = size_t{256} << 20;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) {
    return ReadFile(path, kDefaultMaxReadBytes, contents, err);
  }
  // The absolute path with every symlink, "." and ".." resolved. Components that do not exist
  // yet (an output directory to be created) are appended as written, below the deepest one that
  // does.
  virtual bool RealPath(const std::string& path, std::string* resolved, std::string* err) = 0;
  // Writes a whole file, creating it or replacing its contents; refuses anything but a regular
  // file (writing into a FIFO would block, into a device would not be a file).
  virtual bool WriteFile(const std::string& path, const std::string& contents,
                         std::string* err) = 0;
  // Creates a new file (anything already at path, a symlink included, is an error) with these
  // permission bits, writes it and flushes it to the device (fsync) before returning. On failure
  // the file is removed again.
  virtual bool WriteNewFile(const std::string& path, const std::string& contents, uint32_t mode,
                            std::string* err) = 0;
  // Flushes a directory's entries (names created, renamed or removed in it) to the device.
  virtual bool SyncDir(const std::string& path, std::string* err) = 0;
  // Names (not paths) of a directory's entries, sorted.
  virtual bool ListDir(const std::string& path, std::vector<std::string>* names,
                       std::string* err) = 0;
  virtual bool MakeDirs(const std::string& path, std::string* err) = 0;
  // Atomically renames a file over another.
  virtual bool Rename(const std::string& from, const std::string& to, std::string* err) = 0;
  // Makes `to` a second name of the existing file `from` (a hard link); `to` must not exist.
  virtual bool Link(const std::string& from, const std::string& to, std::string* err) = 0;
  // Atomically replaces `to` by `from`; `to` may be an existing directory.
  virtual bool ReplaceDir(const std::string& from, const std::string& to, std::string* err) = 0;
  virtual bool RemoveTree(const std::string& path, std::string* err) = 0;
};

// path is dir or lies below it; both resolved (see DiskInterface::RealPath).
bool PathWithin(const std::string& path, const std::string& dir);

// Reads an open descriptor to its end, at most max_bytes (name is for messages): standard input
// and files share it.
bool ReadBounded(int fd, const std::string& name, size_t max_bytes, std::string* contents,
                 std::string* err);

// The declarations each implementation below overrides.
#define THV_DISK_INTERFACE_OVERRIDES                                                               \
  FileInfo Lookup(const std::string& path) override;                                               \
  using DiskInterface::ReadFile;                                                                   \
  bool ReadFile(const std::string& path, size_t max_bytes, std::string* contents,                  \
                std::string* err) override;                                                        \
  bool RealPath(const std::string& path, std::string* resolved, std::string* err) override;        \
  bool WriteFile(const std::string& path, const std::string& contents, std::string* err) override; \
  bool WriteNewFile(const std::string& path, const std::string& contents, uint32_t mode,           \
                    std::string* err) override;                                                    \
  bool SyncDir(const std::string& path, std::string* err) override;                                \
  bool ListDir(const std::string& path, std::vector<std::string>* names, std::string* err)         \
      override;                                                                                    \
  bool MakeDirs(const std::string& path, std::string* err) override;                               \
  bool Rename(const std::string& from, const std::string& to, std::string* err) override;          \
  bool Link(const std::string& from, const std::string& to, std::string* err) override;            \
  bool ReplaceDir(const std::string& from, const std::string& to, std::string* err) override;      \
  bool RemoveTree(const std::string& path, std::string* err) override;

// The real disk (POSIX).
struct RealDiskInterface : DiskInterface {
  THV_DISK_INTERFACE_OVERRIDES
};

// Files in memory, keyed by path; directories are implied by the files under them.
struct MemoryDiskInterface : DiskInterface {
  std::map<std::string, std::string> files;
  std::vector<std::string> dirs;  // explicitly created (possibly empty) directories

  THV_DISK_INTERFACE_OVERRIDES
};

}  // namespace thv
