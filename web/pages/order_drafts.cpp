#include "web/pages/order_drafts.h"

namespace ces::web {

OrderDraft OrderDrafts::get(UserId user) const {
    std::lock_guard lock(mutex_);
    auto found = drafts_.find(user);
    return found == drafts_.end() ? OrderDraft{} : found->second;
}

void OrderDrafts::put(UserId user, OrderDraft draft) {
    std::lock_guard lock(mutex_);
    drafts_[user] = std::move(draft);
}

std::optional<OrderDraft> OrderDrafts::take(UserId user) {
    std::lock_guard lock(mutex_);
    auto found = drafts_.find(user);
    if (found == drafts_.end()) return std::nullopt;
    OrderDraft draft = std::move(found->second);
    drafts_.erase(found);
    return draft;
}

}  // namespace ces::web
