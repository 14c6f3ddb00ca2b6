// Every file access goes through DiskInterface, so tests can swap in memory for the disk.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace thv {

struct DiskInterface {
  virtual ~DiskInterface() = default;

  enum class Kind { kMissing, kFile, kDirectory, kOther };
  virtual Kind Stat(const std::string& path) = 0;
  // Reads a whole file; on failure returns false and sets *err.
  virtual bool ReadFile(const std::string& path, std::string* contents, std::string* err) = 0;
  // Writes a whole file, creating it or replacing its contents.
  virtual bool WriteFile(const std::string& path, const std::string& contents,
                         std::string* err) = 0;
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

// The real disk (POSIX).
struct RealDiskInterface : DiskInterface {
  Kind Stat(const std::string& path) override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) override;
  bool WriteFile(const std::string& path, const std::string& contents, std::string* err) override;
  bool ListDir(const std::string& path, std::vector<std::string>* names, std::string* err) override;
  bool MakeDirs(const std::string& path, std::string* err) override;
  bool Rename(const std::string& from, const std::string& to, std::string* err) override;
  bool Link(const std::string& from, const std::string& to, std::string* err) override;
  bool ReplaceDir(const std::string& from, const std::string& to, std::string* err) override;
  bool RemoveTree(const std::string& path, std::string* err) override;
};

// Files in memory, keyed by path; directories are implied by the files under them.
struct MemoryDiskInterface : DiskInterface {
  std::map<std::string, std::string> files;
  std::vector<std::string> dirs;  // explicitly created (possibly empty) directories

  Kind Stat(const std::string& path) override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) override;
  bool WriteFile(const std::string& path, const std::string& contents, std::string* err) override;
  bool ListDir(const std::string& path, std::vector<std::string>* names, std::string* err) override;
  bool MakeDirs(const std::string& path, std::string* err) override;
  bool Rename(const std::string& from, const std::string& to, std::string* err) override;
  bool Link(const std::string& from, const std::string& to, std::string* err) override;
  bool ReplaceDir(const std::string& from, const std::string& to, std::string* err) override;
  bool RemoveTree(const std::string& path, std::string* err) override;
};

}  // namespace thv
