// ResumableFile: an output file that appears complete or not at all, and that
// a killed run can continue.
//
// While a run writes OUT, the bytes go to OUT.partial and, after each record,
// a line goes to OUT.manifest: the length of OUT.partial once the record is in
// it, and the record's key (sha256, id). Both are held and written in batches
// (kFlushBytes of records, or every kFlushInterval), OUT.partial's bytes
// before the manifest lines that list them: a write per record cost two
// system calls per document. A killed process loses at most the batch it
// had not written, which --resume processes again; an interrupted or failed
// run (the object destroyed without Commit) writes what it holds. Commit
// syncs OUT.partial and renames it to OUT; the manifest stays beside OUT and
// describes it, so a later --resume finds everything done.
//
//   OUT.manifest:  newsie-manifest/1 FORMAT
//                  END_OFFSET SHA256 "ID as a JSON string"
//                  ...
//
// An ID that is not UTF-8 (a file name in another encoding) is written as
// the JSON array of its bytes ([97,255,46,116,120,116]), so that resume
// knows it exactly: as a string, its bad bytes would become U+FFFD.
//
// Open with resume: OUT.partial (or, when there is none, a copy of a finished
// OUT) is cut back to the end of the last record the manifest lists, so a
// record half-written when the run died disappears and writing goes on from
// there. A JSON array's closing bracket, written after the last record by
// Commit, is cut the same way.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/sinks/sink.h"
#include "pipeline/status.h"

namespace newsie {

class ResumableFile {
 public:
  ResumableFile() = default;
  // Without Commit, closes OUT.partial and OUT.manifest and leaves them.
  ~ResumableFile();
  ResumableFile(const ResumableFile&) = delete;
  ResumableFile& operator=(const ResumableFile&) = delete;

  // `format` is written into the manifest and checked on resume, so a CSV
  // run cannot continue a JSONL file. On resume fills `restored` with the
  // records already in the file, in order.
  Status Open(const std::string& path, std::string_view format, bool resume,
              std::vector<RecordKey>& restored);
  void Write(std::string_view bytes);
  // Marks the end of one record: notes it in the manifest, and writes the
  // batch out when it is due. A failed write shows here (or in Commit).
  Status EndRecord(const RecordKey& key);
  // Syncs OUT.partial and renames it to OUT.
  Status Commit();

  static std::string PartialPath(const std::string& path) { return path + ".partial"; }
  static std::string ManifestPath(const std::string& path) { return path + ".manifest"; }

  // A batch is written once it holds this many bytes of records, or once
  // this long has passed since the last was written (checked per record).
  static constexpr size_t kFlushBytes = 64 << 10;
  static constexpr std::chrono::milliseconds kFlushInterval{200};

 private:
  // Writes the held bytes to OUT.partial, then (if that worked) the held
  // manifest lines to OUT.manifest. False once any write failed.
  bool WriteBatch();
  // A write-failed error naming OUT, with the reason of the first failure
  // (kept from the call that failed, so a later report still gives it).
  Status Fail(const std::string& what);

  std::string path_;
  std::FILE* file_ = nullptr;
  std::FILE* manifest_ = nullptr;
  uint64_t offset_ = 0;        // bytes in OUT.partial, those held included
  int error_ = 0;              // errno of the first failed write; 0 while none failed
  std::string held_;           // bytes for OUT.partial not yet written
  std::string held_manifest_;  // manifest lines not yet written (listing bytes in or before held_)
  std::chrono::steady_clock::time_point last_write_{};  // when a batch was last written
};

}  // namespace newsie
