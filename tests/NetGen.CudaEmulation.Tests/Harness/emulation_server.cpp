// The emulation server: a CUDA translation unit, its launchers and this main, compiled into one program (with
// -fsanitize=thread in the harness's sanitizer mode). The test process talks to it over stdin/stdout, one command a
// line, and shares the device buffers with it through a memory-mapped file:
//   map <path> <bytes>                        maps the buffer file; buffer arguments are offsets into it
//   shared <count> <offset> <bytes> ...       shared-memory regions to poison, as offsets from ng_emu::anchor
//   launch <kernel> <gx> <gy> <gz> <block> <seed> <count> <argument>...
//                                             an argument is b<offset> (a buffer), i<int> or f<float bits, hex>
//   quit
// Each command is answered "ok" or "error <message>". ThreadSanitizer writes its reports to stderr as it finds them.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

extern "C" const netgen_emu_kernel netgen_emu_kernels[];
extern "C" void netgen_emu_set_shared(const long long* offsets, const long long* sizes, int count);
extern "C" void netgen_emu_attach();
extern "C" void netgen_emu_detach();

namespace
{
void reply(const std::string& text)
{
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    std::fflush(stderr);
}

netgen_emu_launcher find(const std::string& name)
{
    for (const netgen_emu_kernel* kernel = netgen_emu_kernels; kernel->name != nullptr; ++kernel)
    {
        if (name == kernel->name)
        {
            return kernel->launch;
        }
    }

    return nullptr;
}
} // namespace

int main()
{
    char* base = nullptr;
    std::size_t mapped = 0;
    netgen_emu_attach();
    std::string line;
    while (std::getline(std::cin, line))
    {
        std::istringstream in(line);
        std::string command;
        in >> command;
        if (command == "quit")
        {
            reply("ok");
            break;
        }

        if (command == "map")
        {
            std::string path;
            in >> path >> mapped;
            const int fd = open(path.c_str(), O_RDWR);
            void* address = fd < 0 ? MAP_FAILED : mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            if (fd >= 0)
            {
                close(fd);
            }

            if (address == MAP_FAILED)
            {
                reply("error cannot map " + path);
                continue;
            }

            base = static_cast<char*>(address);
            reply("ok");
        }
        else if (command == "shared")
        {
            int count = 0;
            in >> count;
            std::vector<long long> offsets(count), sizes(count);
            for (int i = 0; i < count; ++i)
            {
                in >> offsets[i] >> sizes[i];
            }

            netgen_emu_set_shared(offsets.data(), sizes.data(), count);
            reply("ok");
        }
        else if (command == "launch")
        {
            std::string name;
            unsigned gx = 0, gy = 0, gz = 0, block = 0, seed = 0;
            int count = 0;
            in >> name >> gx >> gy >> gz >> block >> seed >> count;
            const netgen_emu_launcher launcher = find(name);
            if (launcher == nullptr)
            {
                reply("error no kernel " + name);
                continue;
            }

            std::vector<unsigned long long> slots(count);
            std::vector<void*> arguments(count);
            bool ok = true;
            for (int i = 0; i < count; ++i)
            {
                std::string argument;
                in >> argument;
                if (argument.size() < 2)
                {
                    ok = false;
                    break;
                }

                const std::string value = argument.substr(1);
                switch (argument[0])
                {
                case 'b':
                {
                    char* pointer = base + std::stoull(value);
                    std::memcpy(&slots[i], &pointer, sizeof pointer);
                    break;
                }
                case 'i':
                {
                    const int integer = std::stoi(value);
                    std::memcpy(&slots[i], &integer, sizeof integer);
                    break;
                }
                case 'f':
                {
                    const unsigned int bits = (unsigned int)std::stoul(value, nullptr, 16);
                    std::memcpy(&slots[i], &bits, sizeof bits);
                    break;
                }
                case 'w':
                {
                    const unsigned long long bits = std::stoull(value, nullptr, 16);
                    std::memcpy(&slots[i], &bits, sizeof bits);
                    break;
                }
                default:
                    ok = false;
                }

                arguments[i] = &slots[i];
            }

            if (!ok)
            {
                reply("error bad arguments: " + line);
                continue;
            }

            launcher(gx, gy, gz, block, arguments.data(), seed);
            reply("ok");
        }
        else
        {
            reply("error unknown command: " + line);
        }
    }

    netgen_emu_detach();
    if (base != nullptr)
    {
        munmap(base, mapped);
    }

    return 0;
}
