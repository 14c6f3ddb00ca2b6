#include "registry/git_fetcher.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <memory>

#include "core/disk_interface.h"
#include "core/sha256.h"
#include "registry/net_libs.h"
#include "registry/netrc.h"
#include "registry/thread_deadline.h"
#include "registry/url_credentials.h"

namespace thv {

namespace {

// Set by GitFetchFile before anything below runs.
const Git2Api* git = nullptr;

std::string GitError(const std::string& what) {
  const git_error* e = git->error_last();
  return RedactUrl(what + (e && e->message ? ": " + std::string(e->message) : ""));
}

// The libgit2 callbacks' state: the netrc text, and one try per connection (libgit2 asks again
// after a 401, and would loop on rejected credentials); the deadline, checked as data arrives.
struct NetrcCredentials {
  std::string netrc;  // the file's text; empty: no credentials to offer
  std::string netrc_file;
  bool tried = false;
  std::string rejected;  // set when the server refused what the netrc file gave
  const ThreadDeadline* deadline = nullptr;
};

// A server that sends slowly but never stalls is stopped here; one that stalls, by the signal.
int CheckDeadline(const git_indexer_progress*, void* payload) {
  const ThreadDeadline* deadline = static_cast<NetrcCredentials*>(payload)->deadline;
  return deadline && deadline->Expired() ? GIT_EUSER : 0;
}

int AcquireCredential(git_credential** out, const char* url, const char* /*username_from_url*/,
                      unsigned int allowed_types, void* payload) {
  auto* state = static_cast<NetrcCredentials*>(payload);
  NetrcEntry entry;
  const std::string host = UrlHost(url ? url : "");
  if (!(allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) || state->netrc.empty() ||
      !NetrcLookup(state->netrc, host, &entry))
    return GIT_PASSTHROUGH;
  if (state->tried) {
    state->rejected =
        "the server rejected the credentials for " + host + " in " + state->netrc_file;
    return GIT_EUSER;
  }
  state->tried = true;
  return git->credential_userpass_plaintext_new(out, entry.login.c_str(), entry.password.c_str());
}

// Why a fetch or connect failed, with a hint when it is about credentials.
std::string FetchError(int rc, const std::string& what, const NetrcCredentials& credentials) {
  if (!credentials.rejected.empty()) return RedactUrl(what) + ": " + credentials.rejected;
  if (credentials.deadline && credentials.deadline->Expired())
    return RedactUrl(what) + ": timed out (or stalled) after " +
           std::to_string(credentials.deadline->ms() / 1000) + "s";
  std::string err = GitError(what);
  if (rc == GIT_EAUTH && credentials.netrc.empty())
    err += " (credentials for git over HTTP(S) go in a netrc file: --netrc-file FILE)";
  return err;
}

// Free is a member of Git2Api, e.g. &Git2Api::repository_free.
template <typename T, auto Free>
struct Deleter {
  void operator()(T* p) const { (git->*Free)(p); }
};
using Repo = std::unique_ptr<git_repository, Deleter<git_repository, &Git2Api::repository_free>>;
using Remote = std::unique_ptr<git_remote, Deleter<git_remote, &Git2Api::remote_free>>;
using Object = std::unique_ptr<git_object, Deleter<git_object, &Git2Api::object_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, &Git2Api::tree_free>>;
using Entry = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, &Git2Api::tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, &Git2Api::blob_free>>;

// An exclusive flock held for the lifetime of the object.
class FileLock {
 public:
  explicit FileLock(const std::string& path)
      : fd_(open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ >= 0 && flock(fd_, LOCK_EX) != 0) {  // interrupted by a deadline
      close(fd_);
      fd_ = -1;
    }
  }
  ~FileLock() {
    if (fd_ >= 0) close(fd_);  // closing releases the lock
  }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

bool SafePath(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == ".." || part == ".") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

// Fetches every branch and tag into the bare repository and points HEAD at the remote's default
// branch, so branch, tag and default-branch lookups all see the remote's current state.
bool Update(git_repository* repo, const std::string& url, NetrcCredentials* credentials,
            std::string* err) {
  git_remote* raw = nullptr;
  if (git->remote_lookup(&raw, repo, "origin") != 0 &&
      git->remote_create(&raw, repo, "origin", url.c_str()) != 0) {
    *err = GitError("cannot set up remote " + url);
    return false;
  }
  Remote remote(raw);
  const char* specs[] = {"+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"};
  git_strarray refspecs = {const_cast<char**>(specs), 2};
  git_fetch_options fetch;
  git->fetch_options_init(&fetch, GIT_FETCH_OPTIONS_VERSION);
  fetch.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  fetch.prune = GIT_FETCH_PRUNE;
  fetch.callbacks.credentials = AcquireCredential;
  fetch.callbacks.transfer_progress = CheckDeadline;
  fetch.callbacks.payload = credentials;
  credentials->tried = false;
  if (int rc = git->remote_fetch(remote.get(), &refspecs, &fetch, "thv-render fetch"); rc != 0) {
    *err = FetchError(rc, "cannot fetch " + url, *credentials);
    return false;
  }
  git_buf head = GIT_BUF_INIT;
  git_remote_callbacks callbacks;
  git->remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
  callbacks.credentials = AcquireCredential;
  callbacks.payload = credentials;
  credentials->tried = false;
  if (credentials->deadline && credentials->deadline->Expired()) return true;
  if (git->remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr) == 0) {
    if (git->remote_default_branch(&head, remote.get()) == 0)
      git->repository_set_head(repo, head.ptr);
    git->buf_dispose(&head);
    git->remote_disconnect(remote.get());
  }
  return true;
}

bool OpenOrClone(const std::string& url, const std::string& dir, NetrcCredentials* credentials,
                 Repo* repo, std::string* err) {
  RealDiskInterface disk;
  git_repository* raw = nullptr;
  if (disk.Stat(dir) == DiskInterface::Kind::kDirectory) {
    if (git->repository_open_bare(&raw, dir.c_str()) == 0) {
      repo->reset(raw);
      if (Update(repo->get(), url, credentials, err)) return true;
      // Refused credentials are not a corrupt cache: cloning again would only be refused too.
      if (!credentials->rejected.empty()) return false;
      // A cache that cannot be updated may be corrupt: start over once from a fresh clone.
      repo->reset();
    }
    std::string ignored;
    disk.RemoveTree(dir, &ignored);
  }
  const std::string tmp = dir + ".tmp-" + std::to_string(getpid());
  std::string ignored;
  disk.RemoveTree(tmp, &ignored);
  if (git->repository_init(&raw, tmp.c_str(), /*is_bare=*/1) != 0) {
    *err = GitError("cannot create cache " + tmp);
    return false;
  }
  Repo fresh(raw);
  if (!Update(fresh.get(), url, credentials, err)) {
    fresh.reset();
    disk.RemoveTree(tmp, &ignored);
    return false;
  }
  fresh.reset();
  if (!disk.Rename(tmp, dir, err) || git->repository_open_bare(&raw, dir.c_str()) != 0) {
    if (err->empty()) *err = GitError("cannot open cache " + dir);
    return false;
  }
  repo->reset(raw);
  return true;
}

}  // namespace

bool GitFetchFile(const GitRequest& r, const std::string& cache_dir, GitResult* out,
                  std::string* err) {
  git = LoadGit2(err);
  if (!git) return false;
  const std::string where = RedactUrl(r.repository);
  if (!SafePath(r.path)) {
    *err = "path \"" + r.path + "\" must be a relative path inside the repository";
    return false;
  }
  RealDiskInterface disk;
  if (!disk.MakeDirs(cache_dir, err)) return false;
  const std::string dir = cache_dir + "/" + Sha256Hex(r.repository);
  // From here on nothing may wait longer than the deadline: the lock (another run may hold it),
  // the connection and every read.
  ThreadDeadline deadline(r.timeout_ms);
  FileLock lock(dir + ".lock");
  if (!lock.ok()) {
    *err = deadline.Expired() ? "cannot lock cache " + dir + ".lock: another run held it for " +
                                    std::to_string(r.timeout_ms / 1000) + "s"
                              : "cannot lock cache " + dir + ".lock";
    return false;
  }
  NetrcCredentials credentials;
  credentials.netrc_file = r.netrc_file;
  credentials.deadline = &deadline;
  if (!r.netrc_file.empty() && !disk.ReadFile(r.netrc_file, &credentials.netrc, err)) return false;
  Repo repo;
  if (!OpenOrClone(r.repository, dir, &credentials, &repo, err)) return false;

  std::string spec, what;
  if (!r.commit.empty()) {
    spec = r.commit + "^{commit}";
    what = "commit " + r.commit;
  } else if (!r.branch.empty()) {
    spec = "refs/heads/" + r.branch + "^{commit}";
    what = "branch " + r.branch;
  } else if (!r.tag.empty()) {
    spec = "refs/tags/" + r.tag + "^{commit}";
    what = "tag " + r.tag;
  } else {
    spec = "HEAD^{commit}";
    what = "the default branch";
  }
  git_object* raw = nullptr;
  if (git->revparse_single(&raw, repo.get(), spec.c_str()) != 0) {
    *err = where + ": " + what + " not found";
    return false;
  }
  Object commit(raw);
  char sha[GIT_OID_HEXSZ + 1];
  git->oid_tostr(sha, sizeof sha, git->object_id(commit.get()));
  git_tree* tree_raw = nullptr;
  if (git->commit_tree(&tree_raw, reinterpret_cast<git_commit*>(commit.get())) != 0) {
    *err = GitError(where + ": cannot read the tree of " + sha);
    return false;
  }
  Tree tree(tree_raw);
  git_tree_entry* entry_raw = nullptr;
  if (git->tree_entry_bypath(&entry_raw, tree.get(), r.path.c_str()) != 0) {
    *err = where + ": " + r.path + " not found at " + what + " (" + sha + ")";
    return false;
  }
  Entry entry(entry_raw);
  git_blob* blob_raw = nullptr;
  if (git->tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
      git->blob_lookup(&blob_raw, repo.get(), git->tree_entry_id(entry.get())) != 0) {
    *err = where + ": " + r.path + " is not a file at " + what;
    return false;
  }
  Blob blob(blob_raw);
  // The same bound as an HTTP source's body: registry data is never this large, and a
  // multi-gigabyte blob would otherwise be copied into memory whole.
  constexpr uint64_t kMaxBlobBytes = 64u << 20;
  if (static_cast<uint64_t>(git->blob_rawsize(blob.get())) > kMaxBlobBytes) {
    *err = where + ": " + r.path + " is larger than " + std::to_string(kMaxBlobBytes) + " bytes";
    return false;
  }
  out->data.assign(static_cast<const char*>(git->blob_rawcontent(blob.get())),
                   static_cast<size_t>(git->blob_rawsize(blob.get())));
  out->commit = sha;
  return true;
}

}  // namespace thv
