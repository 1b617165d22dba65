/* Stand-in for the Arduino_LSM9DS1 library (tests only): the accelerometer API the Nano 33 BLE Sense example
 * sketch uses, with the library's names and signatures (readings in g). The board lies flat and still. */
#ifndef STANDIN_ARDUINO_LSM9DS1_H
#define STANDIN_ARDUINO_LSM9DS1_H

class StandinIMU {
public:
    int begin() { return 1; }
    void end() {}
    int accelerationAvailable() { return 1; }
    float accelerationSampleRate() { return 104.0f; }
    int readAcceleration(float &x, float &y, float &z)
    {
        x = 0.0f;
        y = 0.0f;
        z = 1.0f;
        return 1;
    }
};

inline StandinIMU IMU;

#endif
