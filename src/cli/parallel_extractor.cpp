// Worker threads take queued slots in order; the consumer waits for the front slot.
#include "cli/parallel_extractor.hpp"

#include "store/writer.hpp"

#include <fmt/format.h>

namespace diplograph {

namespace {

/// A batch is queued once it holds this many inputs or this much text. Small enough that a few
/// articles still reach every thread; large enough that the threads meet at the lock rarely.
constexpr std::size_t batch_articles = 16;
constexpr std::size_t batch_text_bytes = 64u << 10;

} // namespace

ParallelExtractor::ParallelExtractor(const Lexicon &lexicon, int threads, Consumer consume)
    // A short queue fills whenever the writer falls behind for a moment (a commit, a long
    // article) and then the extraction threads wait: room for 32 articles per thread + 64 (in
    // batches of 16) keeps --jobs 2 as fast as twice that did, and an extracted 7 KB article
    // holds about 150 KB (its tokens and facts), so the queue stays near 20 MB.
    : m_lex(lexicon), m_consume(std::move(consume)),
      m_capacity(static_cast<std::size_t>(threads) * 2 + 4) {
    m_threads.emplace_back([this] { consume_loop(); });
    for (int i = 0; i < threads; ++i) {
        m_threads.emplace_back([this] { extract_loop(); });
    }
}

ParallelExtractor::~ParallelExtractor() {
    stop();
}

void ParallelExtractor::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    // Only the caller of stop() waits on m_space, so the threads are woken on the other two.
    m_work.notify_all();
    m_front.notify_all();
    for (auto &thread : m_threads) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

ExtractedArticle &ParallelExtractor::add_item() {
    if (!m_filling) {
        m_filling = std::make_unique<Slot>();
        m_filling->items.reserve(batch_articles);
    }
    return m_filling->items.emplace_back();
}

void ParallelExtractor::push_filling() {
    std::vector<std::unique_ptr<Slot>> spent;
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [&] { return m_queue.size() < m_capacity || m_failure; });
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
    m_queue.push_back(std::move(m_filling));
    spent.swap(m_spent);
    lock.unlock();
    m_work.notify_one();
    // `spent` frees the consumed slots here, on this thread, after the lock.
}

void ParallelExtractor::push_article(Article &&article) {
    auto &item = add_item();
    item.article = std::move(article);
    m_filling->text_bytes += item.article.text.size();
    if (m_filling->items.size() >= batch_articles || m_filling->text_bytes >= batch_text_bytes) {
        push_filling();
    }
}

void ParallelExtractor::push_error(std::string message) {
    add_item().error = std::move(message);
    if (m_filling->items.size() >= batch_articles) {
        push_filling();
    }
}

void ParallelExtractor::finish() {
    if (m_filling) {
        push_filling();
    }
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_queue.empty() || m_failure; });
    }
    stop();
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
}

void ParallelExtractor::extract_slot(Slot &slot) const {
    for (auto &item : slot.items) {
        if (!item.error.empty()) {
            continue;
        }
        try {
            item.hash = content_hash(item.article.text);
            item.extraction = extract(item.article, m_lex);
        } catch (const std::exception &e) {
            item.error = fmt::format("cannot extract {}: {}", item.article.origin, e.what());
        }
    }
}

void ParallelExtractor::extract_loop() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_work.wait(lock, [&] { return m_stop || m_taken < m_queue.size(); });
        if (m_stop) {
            return;
        }
        Slot &slot = *m_queue[m_taken++];
        lock.unlock();
        // The slot stays put (the consumer pops it only once done), so no lock is needed here.
        extract_slot(slot);
        lock.lock();
        slot.done = true;
        // The consumer waits only for the front slot; a later one is found when the front is.
        if (&slot == m_queue.front().get()) {
            lock.unlock();
            m_front.notify_one();
            lock.lock();
        }
    }
}

void ParallelExtractor::consume_loop() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_front.wait(lock, [&] { return m_stop || (!m_queue.empty() && m_queue.front()->done); });
        if (m_stop) {
            return;
        }
        auto slot = std::move(m_queue.front());
        m_queue.pop_front();
        --m_taken; // a done slot was taken by an extraction thread
        lock.unlock();
        m_space.notify_one();
        try {
            for (const auto &item : slot->items) {
                m_consume(item);
            }
        } catch (...) {
            lock.lock();
            m_failure = std::current_exception();
            lock.unlock();
            m_space.notify_one();
            return;
        }
        lock.lock();
        m_spent.push_back(std::move(slot));
    }
}

} // namespace diplograph
