// Worker threads take queued slots in order; the consumer waits for the front slot.
#include "cli/parallel_extractor.hpp"

#include "store/writer.hpp"

#include <fmt/format.h>

namespace diplograph {

ParallelExtractor::ParallelExtractor(const Lexicon &lexicon, int threads, Consumer consume)
    // A short queue fills whenever the writer is slow on a few articles (a commit, a long one)
    // and then the extraction threads wait: 16 articles gave 4.0 s for 10,000, 192 gave 3.4 s.
    : m_lex(lexicon), m_consume(std::move(consume)),
      m_capacity(static_cast<std::size_t>(threads) * 64 + 64) {
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
    m_changed.notify_all();
    for (auto &thread : m_threads) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

void ParallelExtractor::push(std::unique_ptr<Slot> slot) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < m_capacity || m_failure; });
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
    m_queue.push_back(std::move(slot));
    lock.unlock();
    m_changed.notify_all();
}

void ParallelExtractor::push_article(Article &&article) {
    auto slot = std::make_unique<Slot>();
    slot->item.article = std::move(article);
    push(std::move(slot));
}

void ParallelExtractor::push_error(std::string message) {
    auto slot = std::make_unique<Slot>();
    slot->item.error = std::move(message);
    slot->done = true;
    push(std::move(slot));
}

void ParallelExtractor::finish() {
    {
        std::unique_lock lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_queue.empty() || m_failure; });
    }
    stop();
    if (m_failure) {
        std::rethrow_exception(m_failure);
    }
}

void ParallelExtractor::extract_loop() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [&] { return m_stop || m_taken < m_queue.size(); });
        if (m_stop) {
            return;
        }
        Slot &slot = *m_queue[m_taken++];
        if (slot.done) {
            continue;
        }
        lock.unlock();
        // The slot stays put (the consumer pops it only once done), so no lock is needed here.
        auto &item = slot.item;
        try {
            item.hash = content_hash(item.article.text);
            item.extraction = extract(item.article, m_lex);
        } catch (const std::exception &e) {
            item.error = fmt::format("cannot extract {}: {}", item.article.origin, e.what());
        }
        lock.lock();
        slot.done = true;
        m_changed.notify_all();
    }
}

void ParallelExtractor::consume_loop() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [&] { return m_stop || (!m_queue.empty() && m_queue.front()->done); });
        if (m_stop) {
            return;
        }
        auto slot = std::move(m_queue.front());
        m_queue.pop_front();
        if (m_taken > 0) { // an error slot may be consumed before a worker passed over it
            --m_taken;
        }
        lock.unlock();
        m_changed.notify_all();
        try {
            m_consume(slot->item);
        } catch (...) {
            lock.lock();
            m_failure = std::current_exception();
            m_changed.notify_all();
            return;
        }
        slot.reset();
        lock.lock();
        if (m_queue.empty()) {
            m_changed.notify_all(); // finish() may be waiting for the last one
        }
    }
}

} // namespace diplograph
