#include "pipeline/quantities/phrase_trie.h"

#include <map>

namespace newsie::quantities {

PhraseTrie PhraseTrie::Build(const std::vector<std::string>& keys, Direction direction) {
  PhraseTrie trie;
  trie.direction_ = direction;
  // Built as a tree of maps, then laid out flat.
  struct Draft {
    std::map<unsigned char, uint32_t> children;
    std::vector<uint32_t> ids;
  };
  std::vector<Draft> draft(1);
  for (uint32_t id = 0; id < keys.size(); ++id) {
    const std::string& key = keys[id];
    if (key.empty()) continue;
    uint32_t node = 0;
    for (size_t k = 0; k < key.size(); ++k) {
      const auto byte = static_cast<unsigned char>(
          Lower(key[direction == Direction::kForward ? k : key.size() - 1 - k]));
      auto [it, added] = draft[node].children.emplace(byte, static_cast<uint32_t>(draft.size()));
      if (added) draft.emplace_back();
      node = it->second;
    }
    draft[node].ids.push_back(id);
  }
  size_t edges = 0;
  for (const Draft& d : draft) edges += d.children.size();
  size_t slots = 2;
  trie.shift_ = 31;
  while (slots < 2 * edges) {
    slots *= 2;
    --trie.shift_;
  }
  trie.edges_.assign(slots, Edge{});
  trie.nodes_.resize(draft.size());
  // Parents come before their children (a child is added after its parent),
  // so `up` is known for the parent when the child is reached.
  for (uint32_t n = 0; n < draft.size(); ++n) {
    Node& node = trie.nodes_[n];
    node.ids_begin = static_cast<uint32_t>(trie.ids_.size());
    trie.ids_.insert(trie.ids_.end(), draft[n].ids.begin(), draft[n].ids.end());
    node.ids_end = static_cast<uint32_t>(trie.ids_.size());
    const uint32_t up_for_children = node.ids_end > node.ids_begin ? n : node.up;
    for (const auto& [byte, child] : draft[n].children) {
      trie.nodes_[child].up = up_for_children;
      if (n == 0) {
        trie.root_[byte] = child;
        continue;
      }
      const uint32_t key = EdgeKey(n, byte);
      size_t s = trie.Slot(key);
      while (trie.edges_[s].key != kEmpty) s = (s + 1) & (slots - 1);
      trie.edges_[s] = Edge{key, child};
    }
  }
  return trie;
}

}  // namespace newsie::quantities
