/* Stand-in for the PDM library of Arduino's Mbed OS core (tests only): the API the Nano 33 BLE Sense
 * example sketch uses, with its names and signatures. It never receives audio. */
#ifndef STANDIN_PDM_H
#define STANDIN_PDM_H

#include <stddef.h>

class StandinPDM {
public:
    void onReceive(void (*function)(void)) { callback_ = function; }
    void setGain(int gain) { (void) gain; }
    void setBufferSize(int size) { (void) size; }
    int begin(int channels, int sampleRate) { return channels == 1 && sampleRate > 0 && callback_ != nullptr; }
    void end() {}
    int available() { return 0; }
    int read(void *buffer, size_t size) { (void) buffer; return (int) size; }

private:
    void (*callback_)(void) = nullptr;
};

inline StandinPDM PDM;

#endif
