// PhraseTrie: the candidates of a PhraseSet at a position, found by walking
// the text's bytes once instead of comparing the text against each phrase.
//
// Keys are folded (ASCII letters lower-cased, every other byte as it is) and
// so are the text's bytes as the walk reads them: a key is offered where its
// folded bytes equal the text's. That is a necessary condition for both kinds
// of phrase (Latin ones match case-insensitively, the others exactly), so the
// caller still checks each candidate; the trie only rules the rest out.
//
//   PhraseTrie trie = PhraseTrie::Build(keys, PhraseTrie::Direction::kForward);
//   trie.Visit(text, pos, [&](uint32_t id) { return Accept(id); });
//
// Candidates come longest key first and, for keys of one length (which then
// spell the same folded bytes), in the order of their ids: for ids ordered by
// key length, longest first, that is id order.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {

class PhraseTrie {
 public:
  // kForward reads keys from `pos` on; kBackward reads them backwards from
  // the byte before `end`, so a key is offered when it ends at `end`.
  enum class Direction { kForward, kBackward };

  PhraseTrie() = default;
  // The key of id k is keys[k]; empty keys are never offered.
  static PhraseTrie Build(const std::vector<std::string>& keys, Direction direction);

  // Whether the text may spell a key at `at` (kForward) or ending at `at`
  // (kBackward), from its first two bytes there: a quick test before Visit.
  bool MayStartAt(std::string_view t, size_t at) const {
    if (at >= t.size()) return false;
    const uint32_t node = root_[static_cast<unsigned char>(Lower(t[at]))];
    if (node == kNone || nodes_[node].ids_end > nodes_[node].ids_begin) return node != kNone;
    return at + 1 < t.size() && Child(node, static_cast<unsigned char>(Lower(t[at + 1]))) != kNone;
  }
  bool MayEndAt(std::string_view t, size_t at) const {
    if (at == 0 || at > t.size()) return false;
    const uint32_t node = root_[static_cast<unsigned char>(Lower(t[at - 1]))];
    if (node == kNone || nodes_[node].ids_end > nodes_[node].ids_begin) return node != kNone;
    return at >= 2 && Child(node, static_cast<unsigned char>(Lower(t[at - 2]))) != kNone;
  }

  // Calls accept(id) for each key the text spells at `at` (see Direction),
  // as ordered above, until accept returns true; returns whether it did.
  template <typename Accept>
  bool Visit(std::string_view t, size_t at, Accept accept) const {
    const bool forward = direction_ == Direction::kForward;
    if (forward ? at >= t.size() : (at == 0 || at > t.size())) return false;
    size_t p = forward ? at : at - 1;
    uint32_t node = root_[static_cast<unsigned char>(Lower(t[p]))];
    if (node == kNone) return false;
    // Down as far as the text follows the trie.
    while (forward ? ++p < t.size() : p-- > 0) {
      const uint32_t child = Child(node, static_cast<unsigned char>(Lower(t[p])));
      if (child == kNone) break;
      node = child;
    }
    // Back up through the nodes where keys end, deepest (longest) first.
    for (uint32_t n = nodes_[node].ids_end > nodes_[node].ids_begin ? node : nodes_[node].up;
         n != kNone; n = nodes_[n].up) {
      for (uint32_t k = nodes_[n].ids_begin; k < nodes_[n].ids_end; ++k) {
        if (accept(ids_[k])) return true;
      }
    }
    return false;
  }

 private:
  static constexpr uint32_t kNone = 0;  // the root is no node's child

  struct Node {
    uint32_t ids_begin = 0, ids_end = 0;  // the keys ending here, in ids_
    uint32_t up = kNone;                  // the nearest ancestor where keys end
  };
  // Edges in an open-addressing table keyed by (parent node, byte).
  struct Edge {
    uint32_t key = kEmpty;
    uint32_t child = kNone;
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static uint32_t EdgeKey(uint32_t node, unsigned char byte) { return (node << 8) | byte; }
  size_t Slot(uint32_t key) const { return (key * 0x9E3779B1u) >> shift_; }

  uint32_t Child(uint32_t node, unsigned char byte) const {
    const uint32_t key = EdgeKey(node, byte);
    for (size_t s = Slot(key);; s = (s + 1) & (edges_.size() - 1)) {
      if (edges_[s].key == key) return edges_[s].child;
      if (edges_[s].key == kEmpty) return kNone;
    }
  }

  Direction direction_ = Direction::kForward;
  std::array<uint32_t, 256> root_{};  // the child of the root for each byte
  std::vector<Node> nodes_;           // nodes_[0] is the root
  std::vector<Edge> edges_;           // size a power of two, at most half full
  unsigned shift_ = 32;               // 32 - log2(edges_.size())
  std::vector<uint32_t> ids_;
};

}  // namespace newsie::quantities
