#pragma once
// The self-purchase offer on the order check page: each item with a retail alternative asks what
// the resident chose (buy it themselves, rather have ours, or not appropriate for a clinical
// reason), and the answers become the choices recorded with the order.
#include <map>
#include <string>
#include <vector>

#include "core/self_purchase.h"
#include "core/store/orders/self_purchase.h"
#include "web/pages/form_fields.h"
#include "web/pages/order_drafts.h"
#include "web/pages/page_renderer.h"
#include "web/pages/site.h"

namespace ces::web {

/// The offers to show for the draft's lines, with `answers` (the form sent) checked again and
/// `error` shown at the offer it names.
kainjow::mustache::data retailOffers(const std::vector<DraftLine>& lines,
                                     const std::map<std::string, RetailAlternative>& alternatives,
                                     const FormFields* answers, const FieldError& error = {});

/// The resident's choice for every line offered; ValidationError naming self_purchase_CODE for a
/// line not answered or reason_CODE for a clinical reason missing.
std::vector<store::SelfPurchaseChoice> choicesFrom(
    const FormFields& answers, const std::vector<DraftLine>& lines,
    const std::map<std::string, RetailAlternative>& alternatives);

}  // namespace ces::web
