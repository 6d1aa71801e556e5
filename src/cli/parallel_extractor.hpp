// Extraction on several threads with the results handed, in input order, to one consumer
// thread (the database writer), through a bounded queue so memory stays flat.
#pragma once

#include "extract/extraction.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace diplograph {

/// One input, in order: an article with its hash and facts, or the message of a bad input.
/// The extraction holds views into `article.text`, so an item never moves once extracted.
struct ExtractedArticle {
    Article article;
    std::string hash;
    Extraction extraction;
    std::string error; ///< non-empty: this input could not be read
};

class ParallelExtractor {
public:
    using Consumer = std::function<void(const ExtractedArticle &)>;

    /// Starts `threads` extraction threads and one thread running `consume`. The lexicon is
    /// shared read-only; extract() keeps no other state.
    ParallelExtractor(const Lexicon &lexicon, int threads, Consumer consume);
    /// Stops and joins every thread; items not consumed yet are dropped.
    ~ParallelExtractor();
    ParallelExtractor(const ParallelExtractor &) = delete;
    ParallelExtractor &operator=(const ParallelExtractor &) = delete;

    /// Queues an article (blocks while the queue is full). Rethrows what the consumer threw.
    void push_article(Article &&article);
    /// Queues an error message to be consumed in its place in the order.
    void push_error(std::string message);
    /// Waits until everything queued is consumed; rethrows what the consumer threw.
    void finish();

private:
    /// Several consecutive inputs, handed over together: one lock and wake-up per batch
    /// rather than per article.
    struct Slot {
        std::vector<ExtractedArticle> items; ///< never resized once queued (items hold views)
        std::size_t text_bytes = 0;
        bool done = false;
    };
    const Lexicon &m_lex;
    Consumer m_consume;
    std::unique_ptr<Slot> m_filling; ///< the batch push_* adds to, only touched by its caller
    std::mutex m_mutex;
    std::condition_variable m_work;  ///< a slot was queued, or stop: for the extraction threads
    std::condition_variable m_front; ///< the front slot is done, or stop: for the consumer
    std::condition_variable m_space; ///< a slot was consumed, or failure: for push and finish
    std::deque<std::unique_ptr<Slot>> m_queue;
    /// Consumed slots, freed by the thread that queues articles: freeing an article's tokens
    /// and facts (hundreds of blocks) took an eighth of the consumer's time, and the consumer
    /// (the database writer) is the thread --jobs 2 waits for.
    std::vector<std::unique_ptr<Slot>> m_spent;
    std::size_t m_capacity;  ///< slots, not articles
    std::size_t m_taken = 0; ///< slots of m_queue handed to an extraction thread
    bool m_stop = false;
    std::exception_ptr m_failure;
    std::vector<std::thread> m_threads;

    ExtractedArticle &add_item();
    void push_filling();
    void extract_slot(Slot &slot) const;
    void extract_loop();
    void consume_loop();
    void stop();
};

} // namespace diplograph
